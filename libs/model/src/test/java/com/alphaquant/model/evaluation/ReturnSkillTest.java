package com.alphaquant.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReturnSkillTest {

    static final int DAYS = 30;
    static final int STOCKS = 40;

    /** Two factors on the prediction day: the realised return itself (perfect) and noise; seqLen 2. */
    static SampleSource panel(long seed) {
        Random random = new Random(seed);
        int n = DAYS * STOCKS;
        float[] factors = new float[n * 2 * 2];
        float[] labels = new float[n * Samples.LABELS];
        List<Samples.Key> keys = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (int s = 0; s < STOCKS; s++) {
                int i = d * STOCKS + s;
                float realised = (float) random.nextGaussian();
                labels[i * 3] = realised;
                labels[i * 3 + 1] = Float.NaN;
                labels[i * 3 + 2] = Float.NaN;
                factors[(i * 2 + 1) * 2] = realised;
                factors[(i * 2 + 1) * 2 + 1] = (float) random.nextGaussian();
                keys.add(new Samples.Key(String.format("%06d.SZ", s + 1), LocalDate.of(2022, 1, 3).plusDays(d)));
            }
        }
        Samples all = new Samples(2, 2, 0, factors, new float[0], filled(n * 2), labels, keys);
        return new SampleSource() {
            public int size() { return n; }
            public int seqLen() { return 2; }
            public int factorCount() { return 2; }
            public int marketCount() { return 0; }
            public Samples.Key key(int index) { return keys.get(index); }
            public Samples gather(int[] indices) {
                float[] f = new float[indices.length * 4];
                float[] l = new float[indices.length * 3];
                List<Samples.Key> k = new ArrayList<>();
                for (int j = 0; j < indices.length; j++) {
                    System.arraycopy(all.factors(), indices[j] * 4, f, j * 4, 4);
                    System.arraycopy(all.labels(), indices[j] * 3, l, j * 3, 3);
                    k.add(keys.get(indices[j]));
                }
                return new Samples(2, 2, 0, f, new float[0], filled(indices.length * 2), l, k);
            }
        };
    }

    @Test
    void aNoisyPredictionIsScoredByDailySpearmanAgainstAnIndependentRanking() {
        SampleSource test = panel(7);
        Random noise = new Random(11);
        // The "model": realised return plus as much noise again, read from the batch's labels.
        CrossSections sections = CrossSections.of(test, batch -> {
            float[] out = new float[batch.size() * 3];
            for (int i = 0; i < batch.size(); i++) {
                out[i * 3] = batch.labels()[i * 3] + (float) noise.nextGaussian();
            }
            return out;
        }, 64);
        ReturnSkill skill = ReturnSkill.of(sections, List.of("PERFECT", "NOISE"));

        double[] daily = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            daily[d] = spearman(sections.predicted()[d], sections.realised()[d]);
        }
        double mean = Arrays.stream(daily).average().orElseThrow();
        assertThat(skill.days()).isEqualTo(DAYS);
        assertThat(skill.rankIc().mean()).isCloseTo(mean, within(1e-12));
        assertThat(mean).isBetween(0.4, 0.9); // signal and noise of equal size
        double sd = Math.sqrt(Arrays.stream(daily).map(v -> (v - mean) * (v - mean)).sum() / (DAYS - 1));
        assertThat(skill.rankIc().tStat()).isCloseTo(mean / sd * Math.sqrt(DAYS), within(1e-9));
        assertThat(skill.longShortSpread()).isGreaterThan(1.0); // top decile of a good ranking vs the bottom one
        assertThat(skill.bestFactor()).isEqualTo("PERFECT");
        assertThat(skill.bestFactorRankIc().mean()).isCloseTo(1.0, within(1e-12));
    }

    /** Spearman by sorting (no ties in continuous data): 1 − 6Σd² / (n(n² − 1)). */
    static double spearman(double[] x, double[] y) {
        int n = x.length;
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        return 1 - 6 * sum / (n * ((double) n * n - 1));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            r[order[k]] = k + 1;
        }
        return r;
    }

    static float[] filled(int n) {
        float[] mask = new float[n];
        Arrays.fill(mask, 1f);
        return mask;
    }
}
