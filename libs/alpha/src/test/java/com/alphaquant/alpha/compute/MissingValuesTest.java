package com.alphaquant.alpha.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.factor.engine.StockSeries;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Where values are missing, and that nothing else is: hand-made stocks with chosen gaps. */
class MissingValuesTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 4);

    /**
     * Stock A: 30 bars, the day's range 0 on bar 10 (so the intraday ratio below is missing
     * there), no volume on bar 20. Stock B: 8 bars, starting with A's bar 22.
     */
    private static final AlphaPanel PANEL;
    private static final int B;

    static {
        double[] closeA = new double[30];
        double[] volA = new double[30];
        boolean[] flatA = new boolean[30];
        for (int i = 0; i < 30; i++) {
            closeA[i] = 10 + Math.sin(i) + i * 0.1;
            volA[i] = i == 20 ? 0 : 1000 + 37 * i;
        }
        flatA[10] = true;
        double[] closeB = new double[8];
        double[] volB = new double[8];
        for (int i = 0; i < 8; i++) {
            closeB[i] = 20 - i * 0.3;
            volB[i] = 500;
        }
        StockSeries a = Panels.stock("600000.SH", START, closeA, volA, flatA);
        StockSeries b = Panels.stock("000001.SZ", LocalDate.of(2021, 2, 3), closeB, volB, null);
        PANEL = Panels.of(a, b);
        B = PANEL.stockStart(1);
    }

    private static double[] eval(String formula) {
        return new Evaluator(PANEL).evaluate(FunctionForm.parse(formula)).clone();
    }

    @Test
    void aWindowWithAMissingValueIsMissingAndTheNextRunStartsAfresh() {
        double[] ratio = eval("Div(Sub(close, open), Sub(high, low))"); // 0 / 0 on bar 10
        assertThat(ratio[10]).isNaN();
        assertThat(ratio[9]).isFinite();
        double[] mean = eval("Mean(Div(Sub(close, open), Sub(high, low)), 5)");
        for (int i = 0; i < 30; i++) {
            boolean expectMissing = i < 4 || (i >= 10 && i <= 14);
            assertThat(Double.isNaN(mean[i])).as("row %d", i).isEqualTo(expectMissing);
        }
        double[] ema = eval("EMA(Div(Sub(close, open), Sub(high, low)), 5)");
        assertThat(ema[14]).isNaN();
        assertThat(ema[15]).as("seeded again with the mean of bars 11..15").isCloseTo(
                (ratio[11] + ratio[12] + ratio[13] + ratio[14] + ratio[15]) / 5, Offset.offset(1e-15));
        double[] ref = eval("Ref(Div(Sub(close, open), Sub(high, low)), 5)");
        assertThat(ref[15]).isNaN();
        assertThat(ref[16]).isEqualTo(ratio[11]);
    }

    @Test
    void divisionByZeroAndTheLogOfZeroAreMissingNeverInfinite() {
        double[] inverse = eval("Div(close, volume)");
        double[] log = eval("Log(volume)");
        assertThat(inverse[20]).isNaN();
        assertThat(log[20]).isNaN();
        assertThat(eval("vwap")[20]).isNaN();
        assertThat(inverse[19]).isFinite();
        for (double v : eval("Mul(Div(close, volume), Log(volume))")) {
            assertThat(Double.isInfinite(v)).isFalse();
        }
    }

    @Test
    void stocksKeepTheirOwnWindowsAndHistories() {
        double[] mean = eval("Mean(close, 5)");
        for (int i = 0; i < 4; i++) {
            assertThat(mean[B + i]).as("stock B row %d has fewer than 5 bars", i).isNaN();
        }
        assertThat(mean[B + 4]).isCloseTo((20 + 19.7 + 19.4 + 19.1 + 18.8) / 5, Offset.offset(1e-12));
        assertThat(eval("returns")[B]).isNaN();
        assertThat(eval("Delta(close, 5)")[B + 5]).isCloseTo(-1.5, Offset.offset(1e-12));
    }

    @Test
    void crossSectionsSkipStocksWithoutAValue() {
        double[] ratio = eval("Div(Sub(close, open), Sub(high, low))");
        double[] rank = eval("CSRank(Div(Sub(close, open), Sub(high, low)))");
        double[] z = eval("CSZScore(close)");
        int day10 = PANEL.rowDay(10);
        assertThat(rank[10]).isNaN();
        assertThat(ratio[10]).isNaN();
        // before B lists, A is alone on its days: rank 1, no z-score (fewer than two values)
        assertThat(rank[0]).isEqualTo(1.0);
        assertThat(z[0]).isNaN();
        int rowA = 22;
        assertThat(PANEL.rowDay(rowA)).isEqualTo(PANEL.rowDay(B));
        assertThat(z[rowA] + z[B]).isCloseTo(0, Offset.offset(1e-12));
        assertThat(Math.abs(z[rowA])).isCloseTo(1, Offset.offset(1e-12));
        assertThat(day10).isLessThan(PANEL.rowDay(B));
    }

    @Test
    void flatWindowsHaveNoSpreadAndNoCorrelation() {
        assertThat(eval("Std(Sign(volume), 5)")[10]).isZero(); // volume > 0 on bars 6..10: Sign is 1 throughout
        assertThat(eval("Corr(Sign(volume), close, 5)")[10]).isNaN();
        assertThat(eval("Skew(Sign(volume), 5)")[10]).isNaN();
        assertThat(eval("Corr(Sign(volume), close, 5)")[24]).as("the window holds bar 20's 0").isFinite();
    }
}
