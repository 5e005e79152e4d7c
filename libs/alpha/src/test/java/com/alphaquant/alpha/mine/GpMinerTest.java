package com.alphaquant.alpha.mine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Feature;
import com.alphaquant.alpha.expr.Field;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Op;
import com.alphaquant.alpha.expr.Token;
import com.alphaquant.alpha.expr.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpMinerTest {

    private static final ScoringContext CONTEXT = PlantedPanel.context();
    private static final GpSettings SMALL = GpSettings.defaults().withPopulation(40, 4);

    @Test
    void theSameSeedGivesTheSamePool() {
        MiningTask task = new MiningTask(CONTEXT, 200, 42, 0.7, 5, 12);
        MiningResult a = new GpMiner(SMALL).mine(task, MiningProgress.NONE);
        MiningResult b = new GpMiner(SMALL).mine(task, MiningProgress.NONE);
        assertThat(a.pool().formulas()).isNotEmpty().isEqualTo(b.pool().formulas());
        assertThat(a.pool().weights()).containsExactly(b.pool().weights());
        assertThat(a.accepted()).isEqualTo(b.accepted());
        MiningResult other = new GpMiner(SMALL).mine(new MiningTask(CONTEXT, 200, 43, 0.7, 5, 12), MiningProgress.NONE);
        assertThat(other.pool().formulas()).isNotEqualTo(a.pool().formulas());
        assertThat(a.method()).isEqualTo("gp");
        assertThat(a.seed()).isEqualTo(42);
    }

    @Test
    void theBudgetCountsEachNewFormulaOnce() {
        List<MiningStatus> statuses = new ArrayList<>();
        MiningResult result = new GpMiner(SMALL).mine(new MiningTask(CONTEXT, 150, 1, 0.7, 5, 15), statuses::add);
        assertThat(result.evaluated()).isEqualTo(150);
        assertThat(statuses).hasSize(150);
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(statuses.get(i).evaluated()).isEqualTo(i + 1);
            assertThat(statuses.get(i).budget()).isEqualTo(150);
        }
        assertThat(result.pool().formulas()).allSatisfy(f -> assertThat(f.size()).isLessThanOrEqualTo(15));
    }

    /**
     * A vocabulary with only 7 formulas of up to 3 tokens (close, volume, their 5-day means,
     * close·close, close·volume, volume·volume): the run evaluates each once and stops, however
     * large the budget.
     */
    @Test
    void aSearchSpaceSmallerThanTheBudgetIsEvaluatedOnceAndTheRunStops() {
        Vocabulary tiny = new Vocabulary(List.of(new Token.Leaf(Feature.of(Field.CLOSE)), new Token.Leaf(Feature.of(Field.VOLUME)),
                new Token.Window(5), new Token.Operator(Op.MEAN), new Token.Operator(Op.MUL), Token.END));
        MiningResult result = new GpMiner(GpSettings.defaults().withPopulation(20, 2), tiny)
                .mine(new MiningTask(CONTEXT, 1000, 3, 1.0, 10, 3), MiningProgress.NONE);
        assertThat(result.evaluated()).isEqualTo(7);
    }

    @Test
    void thePoolImprovesOverGenerationsTowardsThePlantedSignal() {
        int population = 50;
        List<MiningStatus> statuses = new ArrayList<>();
        MiningResult result = new GpMiner(GpSettings.defaults().withPopulation(population, 5))
                .mine(new MiningTask(CONTEXT, 800, 7, 0.7, 5, 12), statuses::add);
        double afterInitial = statuses.get(population - 1).poolTrainIc();
        double last = statuses.get(statuses.size() - 1).poolTrainIc();
        double planted = plantedIc();
        assertThat(last).isGreaterThan(afterInitial + 0.02);
        assertThat(last).isGreaterThan(0.8 * planted);
        // the training IC of the combination holds out of sample on this stationary panel
        assertThat(result.pool().test().ic()).isGreaterThan(0.5 * planted);
    }

    /** The training IC of the formula closest to how the signal was planted. */
    private static double plantedIc() {
        Expr planted = FunctionForm.parse("Std(Log(volume), 20)");
        return new FormulaScorer(CONTEXT).screen(planted, new AlphaPool(CONTEXT)).ic();
    }
}
