package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Against a plain-loop recomputation: pairs gathered one by one, ranks by counting. */
class CorrelationMatrixTest {

    @Test
    void matchesAPlainRecomputationWithNaNsAndTies() {
        Random random = new Random(7);
        int n = 400;
        double[][] columns = new double[4][n];
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian();
            columns[0][i] = common + random.nextGaussian();
            columns[1][i] = Math.round(common * 3) / 3.0; // many ties
            columns[2][i] = -common + 0.1 * random.nextGaussian();
            columns[3][i] = i < 60 ? Double.NaN : random.nextGaussian(); // a warm-up
            if (random.nextInt(10) == 0) {
                columns[random.nextInt(3)][i] = Double.NaN;
            }
        }
        for (CorrelationMethod method : CorrelationMethod.values()) {
            CorrelationMatrix m = CorrelationMatrix.of(List.of("a", "b", "c", "d"), columns, method);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    double[][] pairs = Plain.pairs(columns[a], columns[b]);
                    assertThat(m.observations()[a][b]).isEqualTo(pairs[0].length);
                    double expected = method == CorrelationMethod.PEARSON ? Plain.pearson(pairs[0], pairs[1])
                            : Plain.pearson(Plain.ranks(pairs[0]), Plain.ranks(pairs[1]));
                    assertThat(m.matrix()[a][b]).as("%s %d,%d", method, a, b).isCloseTo(expected, within(1e-12));
                }
            }
            assertThat(m.matrix()[2][0]).isLessThan(-0.5);
            assertThat(m.matrix()[1][1]).isEqualTo(1.0);
        }
    }
}
