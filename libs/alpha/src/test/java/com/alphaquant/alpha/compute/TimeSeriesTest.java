package com.alphaquant.alpha.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's time-series and cross-sectional operators against {@link Naive} on the real
 * 30-stock sample: prices, volumes, returns (missing on each stock's first bar), a ratio missing
 * wherever the day's range is 0, and a sign series full of ties and flat windows.
 */
class TimeSeriesTest {

    private static final AlphaPanel PANEL = Panels.mini();
    private static final List<String> INPUTS = List.of("close", "volume", "returns",
            "Div(Sub(close, open), Sub(high, low))", "Sign(returns)");

    @Test
    void everyOneOperandOperatorMatchesThePlainDefinition() {
        Evaluator evaluator = new Evaluator(PANEL);
        for (String input : INPUTS) {
            double[] x = evaluator.evaluate(FunctionForm.parse(input)).clone();
            for (Op op : Op.values()) {
                if (op.kind() != Op.Kind.ROLLING) {
                    continue;
                }
                for (int w : List.of(5, 20, 60)) {
                    Expr e = op.of(FunctionForm.parse(input), w);
                    Within.tolerance(tolerance(op)).assertSame(e.toString(), Naive.timeSeries(PANEL, op, x, w),
                            evaluator.evaluate(e));
                }
            }
        }
    }

    @Test
    void correlationAndCovarianceMatchThePlainDefinition() {
        Evaluator evaluator = new Evaluator(PANEL);
        for (String[] pair : new String[][] {{"close", "volume"}, {"returns", "Div(Sub(close, open), Sub(high, low))"},
                {"Sign(returns)", "Delta(close, 5)"}, {"high", "low"}}) {
            double[] x = evaluator.evaluate(FunctionForm.parse(pair[0])).clone();
            double[] y = evaluator.evaluate(FunctionForm.parse(pair[1])).clone();
            for (Op op : List.of(Op.CORR, Op.COV)) {
                for (int w : List.of(5, 20, 60)) {
                    Expr e = op.of(FunctionForm.parse(pair[0]), FunctionForm.parse(pair[1]), w);
                    Within.tolerance(1e-11).assertSame(e.toString(), Naive.pair(PANEL, op, x, y, w), evaluator.evaluate(e));
                }
            }
        }
    }

    @Test
    void crossSectionalOperatorsMatchThePlainDefinition() {
        Evaluator evaluator = new Evaluator(PANEL);
        for (String input : INPUTS) {
            double[] x = evaluator.evaluate(FunctionForm.parse(input)).clone();
            for (Op op : List.of(Op.CS_RANK, Op.CS_ZSCORE)) {
                Expr e = op.of(FunctionForm.parse(input));
                Within.tolerance(1e-12).assertSame(e.toString(), Naive.crossSection(PANEL, op, x), evaluator.evaluate(e));
            }
        }
    }

    @Test
    void windowsNeverReachIntoAnotherStock() {
        double[] mean = new Evaluator(PANEL).evaluate(FunctionForm.parse("Mean(close, 20)"));
        for (int s = 0; s < PANEL.stockCount(); s++) {
            for (int i = PANEL.stockStart(s); i < Math.min(PANEL.stockStart(s) + 19, PANEL.stockStart(s + 1)); i++) {
                assertThat(mean[i]).isNaN();
            }
        }
    }

    /** Skewness and kurtosis come from sums of third and fourth powers, which cancel more digits (2e-9 seen). */
    private static double tolerance(Op op) {
        return op == Op.SKEW || op == Op.KURT ? 1e-8 : 1e-11;
    }
}
