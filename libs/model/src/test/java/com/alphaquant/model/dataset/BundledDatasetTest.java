package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole 300-stock sample, as {@code alphaquant train} without --bars reads it: sizes, and what it costs. */
class BundledDatasetTest {

    @Test
    void theThreeHundredStockSampleBuildsWithTheExpectedSamples() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long started = System.nanoTime();
        Dataset data = BundledDataset.build(DatasetSpec.defaults());
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();

        // Expected sizes straight from the CSV: a sample per bar from the 21st on, a label where 20 more follow.
        Map<String, Long> rows = BarCsv.read(SampleData.file(SampleData.BARS_300)).stream()
                .collect(Collectors.groupingBy(b -> b.tsCode().toString(), Collectors.counting()));
        int h = data.spec().horizon();
        int min = data.spec().minHistory();
        long samples = rows.values().stream().mapToLong(n -> Math.max(0, n - (min - 1))).sum();
        long labelled = rows.values().stream().mapToLong(n -> Math.max(0, n - (min - 1) - h)).sum();
        assertThat(data.stockCount()).isEqualTo(300);
        assertThat((long) data.all().size()).isEqualTo(samples);
        assertThat((long) data.labelled().size()).isEqualTo(labelled);
        assertThat(data.factorNames()).hasSize(24).startsWith("RET", "PRESSURE").endsWith("LIMIT_NET20");
        assertThat(data.marketNames()).hasSize(6);

        SampleSource train = data.labelled();
        int[] batch = new Random(7).ints(512, 0, train.size()).toArray();
        long gatherStarted = System.nanoTime();
        int rounds = 50;
        float checksum = 0;
        for (int r = 0; r < rounds; r++) {
            checksum += train.gather(batch).factors()[r];
        }
        double gatherMs = (System.nanoTime() - gatherStarted) / 1e6 / rounds;
        Samples one = train.gather(batch);
        assertThat(one.factors()).hasSize(512 * 60 * 24);
        assertThat(checksum).isFinite();

        TimeSplits splits = TimeSplits.byFraction(data, 0.7, 0.15);
        assertThat(splits.train().size() + splits.valid().size() + splits.test().size()).isLessThan(train.size());

        Samples labels = LeakageTest.gatherAll(train);
        System.out.printf(Locale.ROOT, "300-stock data set: %d stocks, %d samples (%d labelled) on %d days, built in %.2f s;"
                        + " arrays %.1f MB, heap %+.1f MB; gather of 512 windows %.2f ms;"
                        + " splits train %d (to %s) valid %d (from %s) test %d (from %s)%n",
                data.stockCount(), data.all().size(), train.size(), data.sampleDates().size(), buildSeconds,
                data.storageBytes() / 1e6, (heapAfter - heapBefore) / 1e6, gatherMs,
                splits.train().size(), splits.train().key(splits.train().size() - 1).date(), splits.valid().size(),
                splits.validStart(), splits.test().size(), splits.testStart());
        for (int l = 0; l < Samples.LABELS; l++) {
            System.out.println("label " + data.labelNames().get(l) + ": " + summary(labels.labels(), l));
        }
    }

    private static String summary(float[] labels, int label) {
        double[] v = new double[labels.length / Samples.LABELS];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i * Samples.LABELS + label];
        }
        Arrays.sort(v);
        double mean = Arrays.stream(v).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
        return String.format(Locale.ROOT, "mean %.4f std %.4f p1 %.4f p50 %.4f p99 %.4f", mean, std,
                v[(int) (v.length * 0.01)], v[v.length / 2], v[(int) (v.length * 0.99)]);
    }
}
