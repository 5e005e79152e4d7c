package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void meanSampleStdAndIrOverTheDaysPresent() {
        // 1, 2, 3 (and a NaN day): mean 2, std √((1 + 0 + 1)/2) = 1, IR 2
        Summary s = Summary.of(new double[] {1, Double.NaN, 2, 3});
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.std()).isCloseTo(1.0, within(1e-15));
        assertThat(s.ir()).isCloseTo(2.0, within(1e-15));
        assertThat(s.days()).isEqualTo(3);
        assertThat(s.tStat()).isCloseTo(2.0 * Math.sqrt(3), within(1e-12)); // mean / (std / √n)
        assertThat(Summary.of(new double[] {0.5}).std()).isNaN();
        assertThat(Summary.of(new double[] {}).mean()).isNaN();
    }
}
