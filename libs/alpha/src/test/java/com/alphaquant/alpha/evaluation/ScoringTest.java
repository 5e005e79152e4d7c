package com.alphaquant.alpha.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.compute.Panels;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Field;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.factor.evaluation.Correlation;
import com.alphaquant.factor.evaluation.ForwardReturns;
import com.alphaquant.factor.evaluation.InformationCoefficient;
import com.alphaquant.factor.evaluation.InformationCoefficient.IcReport;
import com.alphaquant.factor.evaluation.Summary;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores on the real 30-stock sample (2021-01-04 to 2022-12-20), valid from 2022-01-01, test
 * from 2022-07-01, 5-session labels, against libs/factors' IC computed on stock × day matrices
 * built here independently of the scorer's day-major layout.
 */
class ScoringTest {

    private static final AlphaPanel PANEL = Panels.mini();
    private static final int HORIZON = 5;
    private static final DaySplits SPLITS = DaySplits.of(PANEL, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1), HORIZON);
    private static final ScoringContext CONTEXT = new ScoringContext(PANEL, SPLITS);
    private static final List<String> FORMULAS = List.of("Mean(returns, 20)", "CSRank(Div(Sub(close, open), Sub(high, low)))",
            "Corr(close, volume, 10)", "Mul(Log(volume), Sign(Delta(close, 5)))");

    @Test
    void splitsLeaveTheLabelHorizonBeforeEachBoundary() {
        int[] sessions = PANEL.sessions();
        int valid = Arrays.binarySearch(sessions, 20220104);
        assertThat(SPLITS.valid().from()).isEqualTo(valid);
        assertThat(SPLITS.train()).isEqualTo(new DayRange(0, valid - HORIZON));
        assertThat(SPLITS.valid().to() + HORIZON).isEqualTo(SPLITS.test().from());
        assertThat(sessions[SPLITS.test().from()]).isEqualTo(20220701);
        assertThat(SPLITS.test().to()).isEqualTo(PANEL.dayCount());
        // the last training label ends on the last session before validStart
        assertThat(SPLITS.train().to() - 1 + HORIZON).isEqualTo(valid - 1);
    }

    @Test
    void aPanelCutBeforeValidationHasOnlyATrainingSplit() {
        DaySplits cut = DaySplits.of(PANEL, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 7, 1), 20);
        assertThat(cut.train().to()).isEqualTo(PANEL.dayCount() - 20);
        assertThat(cut.valid().isEmpty()).isTrue();
        assertThat(cut.test().isEmpty()).isTrue();
        assertThatThrownBy(() -> DaySplits.of(PANEL, LocalDate.of(2021, 1, 5), LocalDate.of(2022, 1, 1), 20))
                .hasMessageContaining("No training day");
    }

    @Test
    void icAndRankIcAreLibsFactorsOnes() {
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        AlphaPool empty = new AlphaPool(CONTEXT);
        for (String text : FORMULAS) {
            Expr formula = FunctionForm.parse(text);
            double[][] factor = byDayAndStock(new Evaluator(PANEL).evaluate(formula));
            double[][] forward = forwardByDayAndStock();
            FormulaReport report = scorer.report(formula, empty);
            Screen screen = scorer.screen(formula, empty);
            check(text + " train", reference(factor, forward, SPLITS.train()), report.train(), screen);
            check(text + " valid", reference(factor, forward, SPLITS.valid()), report.valid(), null);
            check(text + " test", reference(factor, forward, SPLITS.test()), report.test(), null);
            assertThat(screen.coverage()).isEqualTo(report.train().coverage());
            assertThat(screen.maxPoolCorrelation()).isZero();
        }
    }

    private static void check(String what, IcReport expected, SplitMetrics actual, Screen screen) {
        assertThat(actual.ic()).as(what).isCloseTo(expected.icSummary().mean(), offset(1e-12));
        assertThat(actual.icir()).as(what).isCloseTo(expected.icSummary().ir(), offset(1e-12));
        assertThat(actual.rankIc()).as(what).isCloseTo(expected.rankIcSummary().mean(), offset(1e-12));
        assertThat(actual.rankIcir()).as(what).isCloseTo(expected.rankIcSummary().ir(), offset(1e-12));
        assertThat(actual.days()).as(what).isEqualTo(expected.icSummary().days());
        if (screen != null) {
            // the screen's correlations take another route (z-scores, corrected sums): the same figure to rounding
            assertThat(screen.ic()).as(what).isCloseTo(expected.icSummary().mean(), offset(1e-9));
            assertThat(screen.icir()).as(what).isCloseTo(expected.icSummary().ir(), offset(1e-9));
        }
    }

    @Test
    void coverageCountsTheStockDaysWithAValue() {
        Expr formula = FunctionForm.parse("Mean(returns, 20)");
        double[][] values = byDayAndStock(new Evaluator(PANEL).evaluate(formula));
        int bars = 0;
        int present = 0;
        for (int d = SPLITS.train().from(); d < SPLITS.train().to(); d++) { // with the warm-up
            for (int s = 0; s < PANEL.stockCount(); s++) {
                if (hasBar(s, d)) {
                    bars++;
                    present += Double.isNaN(values[d][s]) ? 0 : 1;
                }
            }
        }
        assertThat(new FormulaScorer(CONTEXT).report(formula, new AlphaPool(CONTEXT)).train().coverage())
                .isEqualTo(present / (double) bars);
        assertThat(present).isLessThan(bars);
    }

    @Test
    void turnoverIsLowForALevelAndHighForDailyNoise() {
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        AlphaPool empty = new AlphaPool(CONTEXT);
        assertThat(scorer.report(FunctionForm.parse("close"), empty).train().turnover()).isBetween(0.0, 0.02);
        assertThat(scorer.report(FunctionForm.parse("returns"), empty).train().turnover()).isBetween(0.8, 1.2);
    }

    @Test
    void theClosestBuiltinIsTheOneAFormulaRestates() {
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        AlphaPool empty = new AlphaPool(CONTEXT);
        Screen mom20 = scorer.screen(FunctionForm.parse("Sub(Div(close, Ref(close, 20)), 1.0)"), empty);
        assertThat(mom20.closestBuiltin()).isEqualTo("MOM20");
        assertThat(mom20.maxBuiltinCorrelation()).isCloseTo(1, offset(1e-9));
        Screen negated = scorer.screen(FunctionForm.parse("Mul(DEV20, -2.0)"), empty);
        assertThat(negated.closestBuiltin()).isEqualTo("DEV20");
        assertThat(negated.maxBuiltinCorrelation()).isCloseTo(1, offset(1e-9));
        assertThat(CONTEXT.builtinNames()).hasSize(23).doesNotContain("NORTH_FLOW_Z");
    }

    @Test
    void correlationWithABuiltinIsTheMeanDailyPearsonCorrelation() {
        Expr formula = FunctionForm.parse("Corr(close, volume, 10)");
        Screen screen = new FormulaScorer(CONTEXT).screen(formula, new AlphaPool(CONTEXT));
        double[][] x = byDayAndStock(new Evaluator(PANEL).evaluate(formula));
        double[][] y = byDayAndStock(PANEL.factor(screen.closestBuiltin()));
        double[] daily = new double[SPLITS.train().days()];
        for (int d = SPLITS.train().from(); d < SPLITS.train().to(); d++) {
            boolean enough = Correlation.observations(x[d], y[d]) >= InformationCoefficient.MIN_STOCKS;
            daily[d] = enough ? Correlation.pearson(x[d], y[d]) : Double.NaN;
        }
        assertThat(screen.maxBuiltinCorrelation()).isCloseTo(Math.abs(Summary.of(daily).mean()), offset(1e-9));
    }

    @Test
    void aBatchScreensEachFormulaAsAloneWouldBe() {
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        AlphaPool pool = new AlphaPool(CONTEXT);
        Expr member = FunctionForm.parse("Mean(returns, 20)");
        pool.add(member, new Evaluator(PANEL).evaluate(member));
        List<Expr> formulas = FORMULAS.stream().map(FunctionForm::parse).toList();
        List<Screen> batch = scorer.screen(formulas, pool);
        for (int i = 0; i < formulas.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(scorer.screen(formulas.get(i), pool));
        }
        assertThat(batch.get(0).maxPoolCorrelation()).isCloseTo(1, offset(1e-9));
        assertThat(batch.get(1).maxPoolCorrelation()).isBetween(0.0, 0.9);
    }

    @Test
    void onlyFormulasThatVaryAcrossStocksAreScored() {
        assertThatThrownBy(() -> new FormulaScorer(CONTEXT).screen(FunctionForm.parse("Mean(NORTH_FLOW_Z, 5)"),
                new AlphaPool(CONTEXT))).hasMessageContaining("does not vary across stocks");
    }

    /** The library's IC report over a split's days. */
    private static IcReport reference(double[][] factor, double[][] forward, DayRange days) {
        int[] dates = Arrays.copyOfRange(PANEL.sessions(), days.from(), days.to());
        return InformationCoefficient.evaluate(dates, Arrays.copyOfRange(factor, days.from(), days.to()),
                Arrays.copyOfRange(forward, days.from(), days.to()), 1);
    }

    /** values[row] as [day][stock], NaN where the stock has no bar, from each stock's own dates. */
    static double[][] byDayAndStock(double[] valuesByRow) {
        int[] sessions = PANEL.sessions();
        double[][] out = new double[sessions.length][PANEL.stockCount()];
        for (double[] day : out) {
            Arrays.fill(day, Double.NaN);
        }
        for (int s = 0; s < PANEL.stockCount(); s++) {
            int[] dates = PANEL.stocks().get(s).dates();
            for (int i = 0; i < dates.length; i++) {
                out[Arrays.binarySearch(sessions, dates[i])][s] = valuesByRow[PANEL.stockStart(s) + i];
            }
        }
        return out;
    }

    private static double[][] forwardByDayAndStock() {
        int[] sessions = PANEL.sessions();
        double[] close = PANEL.field(Field.CLOSE);
        double[][] out = new double[sessions.length][PANEL.stockCount()];
        for (int s = 0; s < PANEL.stockCount(); s++) {
            StockSeries stock = PANEL.stocks().get(s);
            double[] adjusted = Arrays.copyOfRange(close, PANEL.stockStart(s), PANEL.stockStart(s + 1));
            double[] forward = ForwardReturns.onSessions(sessions, stock.dates(), adjusted, HORIZON);
            for (int d = 0; d < sessions.length; d++) {
                out[d][s] = forward[d];
            }
        }
        return out;
    }

    private static boolean hasBar(int stock, int day) {
        return Arrays.binarySearch(PANEL.stocks().get(stock).dates(), PANEL.session(day)) >= 0;
    }
}
