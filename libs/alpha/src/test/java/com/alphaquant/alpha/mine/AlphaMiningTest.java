package com.alphaquant.alpha.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.FactorTerm;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AlphaMiningTest {

    private static final MiningSetup SETUP = new MiningSetup(LocalDate.of(2021, 3, 1), LocalDate.of(2022, 11, 30),
            LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1), 5);
    private static final ScoringContext CONTEXT = AlphaMining.context(BarCsv.read(SampleData.file(SampleData.BARS_MINI_30)),
            BarCsv.read(SampleData.file(SampleData.INDEX)), SETUP, 2);

    @Test
    void trainingStartsAtTheStartDateAndNoBarAfterTheEndIsRead() {
        int[] sessions = CONTEXT.panel().sessions();
        assertThat(sessions[CONTEXT.splits().train().from()]).isGreaterThanOrEqualTo(20210301);
        assertThat(sessions[CONTEXT.splits().train().from() - 1]).isLessThan(20210301);
        assertThat(sessions[sessions.length - 1]).isLessThanOrEqualTo(20221130);
        assertThat(DateInts.toLocalDate(sessions[CONTEXT.splits().test().from()])).isAfterOrEqualTo(LocalDate.of(2022, 7, 1));
        assertThatThrownBy(() -> SETUP.withSplits(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 7, 1)))
                .hasMessageContaining("must be before the validation start");
    }

    @Test
    void theBestBuiltinIsChosenOnValidationWithTheSignOfItsTrainingIc() {
        Baselines baselines = Baselines.of(CONTEXT);
        FormulaReport best = baselines.bestBuiltin();
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        AlphaPool none = new AlphaPool(CONTEXT);
        for (String name : CONTEXT.builtinNames()) {
            FormulaReport r = scorer.report(FactorTerm.of(name), none);
            double sign = Math.signum(r.train().ic());
            assertThat(best.valid().ic()).isGreaterThanOrEqualTo(sign * r.valid().ic() - 1e-12);
        }
        assertThat(best.train().ic()).isPositive();
        assertThat(best.test().days()).isPositive();
        assertThat(baselines.builtinCombination().formulas()).hasSize(CONTEXT.builtinNames().size());
        assertThat(baselines.builtinCombination().train().ic()).isGreaterThan(best.train().ic());
    }

    @Test
    void minersAreFoundByName() {
        assertThat(AlphaMining.miner("gp")).isInstanceOf(GpMiner.class);
        assertThatThrownBy(() -> AlphaMining.miner("annealing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected gp or rl");
    }

    @Test
    void theReportCarriesTheFormulasInBothFormsWithWhatReproducesThem() {
        MiningTask task = new MiningTask(CONTEXT, 60, 5, 0.7, 4, 10);
        MiningReport report = AlphaMining.mine(new GpMiner(GpSettings.defaults().withPopulation(30, 3)), task, SETUP,
                MiningProgress.NONE);
        assertThat(report.formulas()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        report.formulas().forEach(f -> {
            assertThat(Rpn.parse(f.rpn())).isEqualTo(FunctionForm.parse(f.formula()));
            assertThat(f.tokens()).isLessThanOrEqualTo(10);
            assertThat(f.metrics().test().ic()).isNotNull();
        });
        assertThat(report.method()).isEqualTo("gp");
        assertThat(report.seed()).isEqualTo(5);
        assertThat(report.evaluated()).isEqualTo(60);
        assertThat(report.versions()).containsKeys("alpha", "factors");
        assertThat(report.data().start()).isEqualTo("2021-03-01");
        assertThat(report.data().train().first()).startsWith("2021-03");
        assertThat(report.data().test().last()).isLessThanOrEqualTo("2022-11-30");
        assertThat(report.bestBuiltin().formula()).isNotBlank();
        assertThat(report.builtinCombination().test().ic()).isNotNull();
        assertThat(report.pool().train().ic()).isPositive();
    }
}
