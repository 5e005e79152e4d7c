package com.alphaquant.alpha.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionFormTest {

    @Test
    void readsAndPrintsTheFunctionAndTheRpnForm() {
        Expr e = FunctionForm.parse("Mean( Div(close,Ref(close, 5)), 20 )");
        assertThat(e).hasToString("Mean(Div(close, Ref(close, 5)), 20)");
        assertThat(Rpn.print(e)).isEqualTo("close close 5 Ref Div 20 Mean");
        assertThat(Rpn.parse("close close 5 Ref Div 20 Mean END")).isEqualTo(e);
        assertThat(e.size()).isEqualTo(7);
        assertThat(e.dim()).isEqualTo(Dim.NONE);
        assertThat(e.signedness()).isEqualTo(Signedness.POSITIVE);
    }

    @Test
    void constantsPrintInFullAndWindowsAsIntegers() {
        Expr mom20 = FunctionForm.parse("Sub(Div(close, Ref(close, 20)), 1)");
        assertThat(mom20).hasToString("Sub(Div(close, Ref(close, 20)), 1.0)");
        assertThat(Rpn.print(mom20)).isEqualTo("close close 20 Ref Div 1.0 Sub");
        assertThat(FunctionForm.parse("Mul(close, -1.5e-3)")).hasToString("Mul(close, -0.0015)");
        assertThatThrownBy(() -> Rpn.parse("close 3 Mul")).isInstanceOf(FormulaException.class)
                .hasMessageContaining("3.0");
    }

    @Test
    void dimensionsCombine() {
        assertThat(FunctionForm.parse("Div(amount, volume)").dim()).isEqualTo(Dim.PRICE);
        assertThat(FunctionForm.parse("Mul(close, volume)").dim()).isEqualTo(Dim.AMOUNT);
        assertThat(FunctionForm.parse("Var(close, 20)").dim()).isEqualTo(new Dim(2, 0));
        assertThat(FunctionForm.parse("Cov(close, volume, 20)").dim()).isEqualTo(Dim.AMOUNT);
        assertThat(FunctionForm.parse("Div(close, volume)").dim()).hasToString("price·volume^-1");
        assertThat(FunctionForm.parse("Corr(close, volume, 20)").dim()).isEqualTo(Dim.NONE);
        assertThat(FunctionForm.parse("Std(vwap, 10)").dim()).isEqualTo(Dim.PRICE);
        assertThat(FunctionForm.parse("Sub(high, low)").dim()).isEqualTo(Dim.PRICE);
    }

    @Test
    void refusesMeaninglessFormulasNamingTheNode() {
        assertThatThrownBy(() -> FunctionForm.parse("Mean(Add(close, volume), 20)")).isInstanceOf(FormulaException.class)
                .hasMessageStartingWith("Add(close, volume): ").hasMessageContaining("price").hasMessageContaining("volume");
        assertThatThrownBy(() -> FunctionForm.parse("Greater(amount, close)")).hasMessageStartingWith("Greater(amount, close): ");
        assertThatThrownBy(() -> FunctionForm.parse("Add(close, 1)")).hasMessageStartingWith("Add(close, 1.0): ");
        assertThatThrownBy(() -> FunctionForm.parse("Abs(Log(returns))")).hasMessageStartingWith("Log(returns): ")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> FunctionForm.parse("Corr(close, 2.0, 20)")).hasMessageStartingWith("Corr(close, 2.0, 20): ")
                .hasMessageContaining("constant");
        assertThatThrownBy(() -> FunctionForm.parse("Corr(close, close, 20)")).hasMessageContaining("both operands are close");
        assertThatThrownBy(() -> FunctionForm.parse("Mean(2.0, 20)")).hasMessageStartingWith("Mean(2.0, 20): ");
        assertThatThrownBy(() -> FunctionForm.parse("Mul(2.0, 3.0)")).hasMessageContaining("both operands are constants");
        assertThatThrownBy(() -> FunctionForm.parse("CSRank(Mean(NORTH_FLOW_Z, 5))"))
                .hasMessageStartingWith("CSRank(Mean(NORTH_FLOW_Z, 5)): ").hasMessageContaining("every stock");
        assertThatThrownBy(() -> FunctionForm.parse("Sub(Add(close, open), Add(open, close))"))
                .hasMessageContaining("both operands");
        assertThatThrownBy(() -> FunctionForm.parse("Mean(close, 7)")).hasMessageStartingWith("Mean(close, 7): window 7");
    }

    @Test
    void acceptsLogsOfWhatCannotBeNegative() {
        assertThat(FunctionForm.parse("Log(volume)").dim()).isEqualTo(Dim.NONE);
        assertThat(FunctionForm.parse("Log(Std(returns, 20))")).isNotNull();
        assertThat(FunctionForm.parse("Log(Div(close, Ref(close, 5)))")).isNotNull();
        assertThat(FunctionForm.parse("Log(CSRank(returns))")).isNotNull();
        assertThat(FunctionForm.parse("Log(VOLUME_RATIO)")).isNotNull();
        assertThatThrownBy(() -> FunctionForm.parse("Log(Sub(close, open))")).hasMessageStartingWith("Log(Sub(close, open)): ");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> FunctionForm.parse("Mean(close, 20")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> FunctionForm.parse("Mean(cloze, 20)")).hasMessageContaining("unknown name 'cloze'")
                .hasMessageContaining("At 5");
        assertThatThrownBy(() -> FunctionForm.parse("Mean(close, 5.0)")).hasMessageContaining("must be an integer, got 5.0");
        assertThatThrownBy(() -> FunctionForm.parse("Abs(close) close")).hasMessageContaining("after a complete formula");
        assertThatThrownBy(() -> FunctionForm.parse("Abs(close, open)")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> FunctionForm.parse("")).hasMessageContaining("ends too early");
    }

    @Test
    void keyIgnoresTheOrderOfCommutativeOperands() {
        Expr ab = FunctionForm.parse("Mul(Add(close, open), volume)");
        Expr ba = FunctionForm.parse("Mul(volume, Add(open, close))");
        assertThat(ab).isNotEqualTo(ba);
        assertThat(ab.key()).isEqualTo(ba.key());
        assertThat(FunctionForm.parse("Sub(close, open)").key()).isNotEqualTo(FunctionForm.parse("Sub(open, close)").key());
        assertThat(FunctionForm.parse("Corr(close, volume, 20)").key())
                .isEqualTo(FunctionForm.parse("Corr(volume, close, 20)").key());
    }

    @Test
    void factorsByTheirRegistryNames() {
        Expr e = FunctionForm.parse("CSRank(Sub(MOM20, RS20))");
        assertThat(e.variation()).isEqualTo(Variation.STOCK);
        assertThat(FunctionForm.parse("Mean(NORTH_FLOW_Z, 5)").variation()).isEqualTo(Variation.MARKET);
        assertThat(FunctionForm.parse("Mul(NORTH_FLOW_Z, RET)").variation()).isEqualTo(Variation.STOCK);
        assertThatThrownBy(() -> FunctionForm.parse("MOM21")).hasMessageContaining("unknown name 'MOM21'");
    }
}
