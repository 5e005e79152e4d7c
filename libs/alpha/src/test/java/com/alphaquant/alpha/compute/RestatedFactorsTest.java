package com.alphaquant.alpha.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.FunctionForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Formulas that restate built-in factors by SPEC section 3's definitions give the factor
 * engine's values, missing where it has none, on the real 30-stock sample.
 */
class RestatedFactorsTest {

    private static final AlphaPanel PANEL = Panels.mini();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "MOM20; Sub(Div(close, Ref(close, 20)), 1.0)",
            "MOM60; Sub(Div(close, Ref(close, 60)), 1.0)",
            "DEV20; Sub(Div(close, Mean(close, 20)), 1.0)",
            "VOL20; Std(returns, 20)",
            "RET; returns",
            "VWAP_DEV; Sub(Div(close, vwap), 1.0)",
            // 1e9 · mean(|RET| / (amount · 1000)) = 1e6 · mean(|RET| / amount)
            "ILLIQ20; Mul(Mean(Div(Abs(returns), amount), 20), 1000000.0)",
            // (upper − lower) / middle = 4 · population std / SMA20, and population std = √(19/20) · sample std
            "BOLL_WIDTH; Mul(Div(Std(close, 20), Mean(close, 20)), 3.8987177379235853)"})
    void matchesTheEngine(String factor, String formula) {
        double[] values = new Evaluator(PANEL).evaluate(FunctionForm.parse(formula));
        Within.tolerance(1e-9).assertSame(factor, PANEL.factor(factor), values);
        long present = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
        assertThat(present).as(factor).isGreaterThan(PANEL.rows() / 2);
    }

    @Test
    void theBollingerConstantIsFourTimesTheRootOfNineteenTwentieths() {
        assertThat(4 * Math.sqrt(19.0 / 20)).isEqualTo(3.8987177379235853);
    }
}
