package com.alphaquant.alpha.rl;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.alpha.mine.MiningResult;
import com.alphaquant.alpha.mine.MiningStatus;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.alpha.mine.PlantedPanel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The miner on {@link PlantedPanel}, whose returns follow how erratic each stock's volume is. */
class PolicyMinerTest {

    private static final ScoringContext PLANTED = PlantedPanel.context();

    /**
     * The reward rises as the policy learns which formulas pay: the first batches are nearly random
     * formulas, most refused; later ones are dominated by formulas whose reward was high. A higher
     * learning rate than the default lets it happen within a few updates; short formulas keep the
     * search small.
     */
    @Test
    void theAverageRewardRisesOverUpdatesOnAPlantedSignal() {
        PolicyConfig eager = new PolicyConfig(64, 4, 128, 2, 64, 3e-3f, 1e-4f, 1f, 0.01f, 0.9, 0.002);
        MiningTask task = new MiningTask(PLANTED, 960, 1, 0.7, 10, 6);
        List<PolicyMiner.BatchStats> batches = new ArrayList<>();
        MiningResult result = new PolicyMiner(eager).mine(task, s -> {
        }, batches::add);

        assertThat(batches).hasSizeGreaterThan(8);
        double first = (batches.get(0).meanReward() + batches.get(1).meanReward()) / 2;
        int n = batches.size();
        double last = (batches.get(n - 1).meanReward() + batches.get(n - 2).meanReward()) / 2;
        assertThat(first).isLessThan(0.01);
        assertThat(last).as("mean reward of the last two batches against the first two, %s", first)
                .isGreaterThan(first + 0.05);
        assertThat(batches.get(n - 1).step().entropy()).isLessThan(batches.get(0).step().entropy());
        assertThat(result.pool().train().ic()).isGreaterThan(0.3);
        assertThat(result.pool().test().ic()).isGreaterThan(0.2);
    }

    @Test
    void theSameSeedMinesTheSamePoolAndReportsProgress() {
        MiningTask task = new MiningTask(PLANTED, 150, 11, 0.7, 5, 10);
        List<MiningStatus> statuses = new ArrayList<>();
        PolicyMiner miner = new PolicyMiner();
        MiningResult first = miner.mine(task, statuses::add);
        MiningResult second = new PolicyMiner().mine(task, s -> {
        });
        MiningResult other = new PolicyMiner().mine(new MiningTask(PLANTED, 150, 12, 0.7, 5, 10), s -> {
        });

        assertThat(miner.method()).isEqualTo("rl");
        assertThat(AlphaMining.miner("rl")).isInstanceOf(PolicyMiner.class);
        assertThat(first.method()).isEqualTo("rl");
        assertThat(first.seed()).isEqualTo(11);
        assertThat(first.evaluated()).isEqualTo(150);
        assertThat(first.pool().formulas()).isNotEmpty();
        assertThat(second.pool().formulas()).isEqualTo(first.pool().formulas());
        assertThat(second.pool().weights()).isEqualTo(first.pool().weights());
        assertThat(other.pool().formulas()).isNotEqualTo(first.pool().formulas());
        // one status per batch: 64, 128, then the last 22 of the budget
        assertThat(statuses).extracting(MiningStatus::evaluated).containsExactly(64, 128, 150);
        assertThat(statuses.get(2).poolSize()).isEqualTo(first.pool().formulas().size());
    }
}
