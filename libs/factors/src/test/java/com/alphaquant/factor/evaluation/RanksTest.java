package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(Ranks.average(new double[] {20, 10, 30, 20}, 4)).containsExactly(2.5, 1, 4, 2.5);
        assertThat(Ranks.average(new double[] {5, 5, 5}, 3)).containsExactly(2, 2, 2);
        assertThat(Ranks.average(new double[] {-1, 3, 2, 99}, 2)).containsExactly(1, 2);
        assertThat(Ranks.average(new double[] {0.0, -0.0, -1}, 3)).containsExactly(2.5, 2.5, 1);
    }

    @Test
    void agreesWithCountingOnRandomValuesWithManyTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial % 10 == 4 ? 300 : 60); // now and then more in one float than a short run
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // ties, zeros of both signs, values spanning many exponents (beyond float's range too),
                // and distinct values that round to the same float
                x[i] = switch (trial % 5) {
                    case 0 -> random.nextInt(12) - 6;
                    case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
                    case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
                    default -> 1 + random.nextInt(5) * 1e-12;
                };
            }
            double[] ranks = Ranks.average(x, n);
            for (int i = 0; i < n; i++) {
                int below = 0;
                int equal = 0;
                for (int j = 0; j < n; j++) {
                    below += x[j] < x[i] ? 1 : 0;
                    equal += x[j] == x[i] ? 1 : 0;
                }
                assertThat(ranks[i]).isEqualTo(below + (equal + 1) / 2.0);
            }
        }
    }
}
