package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(Ranks.average(new double[] {20, 10, 30, 20}, 4)).containsExactly(2.5, 1, 4, 2.5);
        assertThat(Ranks.average(new double[] {5, 5, 5}, 3)).containsExactly(2, 2, 2);
        assertThat(Ranks.average(new double[] {-1, 3, 2, 99}, 2)).containsExactly(1, 2);
    }
}
