package com.alphaquant.factor.mined;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.FunctionForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinedNamesTest {

    @Test
    void aNameIsTheFormulasCanonicalHashSoCommutedOperandsShareIt() {
        String name = MinedNames.of(FunctionForm.parse("Add(Mean(close, 20), Std(close, 10))"));

        assertThat(name).matches(MinedNames.PATTERN.pattern());
        assertThat(MinedNames.looksMined(name)).isTrue();
        assertThat(MinedNames.of(FunctionForm.parse("Add(Std(close, 10), Mean(close, 20))"))).isEqualTo(name);
        assertThat(MinedNames.of(FunctionForm.parse("Sub(Mean(close, 20), Std(close, 10))"))).isNotEqualTo(name);
        assertThat(MinedNames.looksMined("MOM20")).isFalse();
        assertThat(MinedNames.looksMined("ALPHA_1A2B3C4D")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "close                                   | 1  | false",
            "returns                                 | 2  | false",
            "MOM20                                   | 21 | false",
            "Mean(close, 20)                         | 20 | false",
            "Ref(close, 5)                           | 6  | false",
            "Mean(Div(close, Ref(close, 5)), 20)     | 25 | false",
            "Corr(close, volume, 10)                 | 10 | false",
            "CSRank(Delta(close, 5))                 | 6  | true",
            "Mul(MOM20, CSZScore(Std(returns, 10)))  | 21 | true"})
    void theSpanIsTheBarsOneValueReadsAndCrossSectionalOperatorsAreFound(String formula, int span, boolean crossSectional) {
        var e = FunctionForm.parse(formula);
        assertThat(FormulaSpan.of(e)).isEqualTo(span);
        assertThat(FormulaSpan.crossSectional(e)).isEqualTo(crossSectional);
    }
}
