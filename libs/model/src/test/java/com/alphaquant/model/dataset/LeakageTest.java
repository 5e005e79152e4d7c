package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves causality by perturbation on the real 30-stock sample: change prices on one side of a
 * date and show what may not move did not move, bit for bit, while what may move did.
 */
class LeakageTest {

    private static final DatasetSpec SPEC = DatasetSpec.defaults();
    private static final Dataset ORIGINAL = MiniPanel.build(SPEC, MiniPanel.BARS);
    private static final LocalDate VALID_START = LocalDate.of(2022, 3, 1);
    private static final LocalDate TEST_START = LocalDate.of(2022, 7, 1);

    /** A day while the sample's northbound flow still runs (to 2021-07-19), and one after. */
    @ParameterizedTest
    @ValueSource(strings = {"2021-06-01", "2022-05-16"})
    void inputsOfSamplesDatedUpToADayIgnoreEveryPriceAndFlowAfterIt(String day) {
        LocalDate d = LocalDate.parse(day);
        Dataset changed = MiniPanel.buildPerturbedAfter(SPEC, d, d.toEpochDay());
        Samples before = gatherAll(ORIGINAL.all());
        Samples after = gatherAll(changed.all());
        assertThat(after.keys()).isEqualTo(before.keys());

        int upTo = (int) before.keys().stream().filter(k -> !k.date().isAfter(d)).count();
        assertThat(upTo).isGreaterThan(2_000).isLessThan(before.size());
        assertThat(slice(after.factors(), 0, upTo, stepValues(before.seqLen(), before.factorCount())))
                .isEqualTo(slice(before.factors(), 0, upTo, stepValues(before.seqLen(), before.factorCount())));
        assertThat(slice(after.market(), 0, upTo, stepValues(before.seqLen(), before.marketCount())))
                .isEqualTo(slice(before.market(), 0, upTo, stepValues(before.seqLen(), before.marketCount())));
        assertThat(slice(after.mask(), 0, upTo, before.seqLen())).isEqualTo(slice(before.mask(), 0, upTo, before.seqLen()));

        // The perturbation reaches the inputs after d, and the labels of the days just before it.
        int n = before.size();
        assertThat(slice(after.factors(), upTo, n, stepValues(before.seqLen(), before.factorCount())))
                .isNotEqualTo(slice(before.factors(), upTo, n, stepValues(before.seqLen(), before.factorCount())));
        assertThat(slice(after.market(), upTo, n, stepValues(before.seqLen(), before.marketCount())))
                .isNotEqualTo(slice(before.market(), upTo, n, stepValues(before.seqLen(), before.marketCount())));
        assertThat(slice(after.labels(), upTo - 30, upTo, Samples.LABELS))
                .isNotEqualTo(slice(before.labels(), upTo - 30, upTo, Samples.LABELS));
    }

    @Test
    void testLabelsIgnoreEveryPriceBeforeTheTestStart() {
        Dataset changed = MiniPanel.build(SPEC, MiniPanel.perturbed(MiniPanel.BARS, MiniPanel.before(TEST_START), 2));
        TimeSplits original = TimeSplits.at(ORIGINAL, VALID_START, TEST_START);
        TimeSplits perturbed = TimeSplits.at(changed, VALID_START, TEST_START);
        Samples test = gatherAll(original.test());
        Samples testAfter = gatherAll(perturbed.test());
        assertThat(test.size()).isGreaterThan(1_000);
        assertThat(testAfter.keys()).isEqualTo(test.keys());
        assertThat(test.keys()).allMatch(k -> !k.date().isBefore(TEST_START));
        assertThat(testAfter.labels()).isEqualTo(test.labels());
        // ... while the same perturbation moves the test inputs (their windows reach back) and the valid labels.
        assertThat(testAfter.factors()).isNotEqualTo(test.factors());
        assertThat(gatherAll(perturbed.valid()).labels()).isNotEqualTo(gatherAll(original.valid()).labels());
    }

    @Test
    void noLabelWindowCrossesASplitBoundary() {
        int h = SPEC.horizon();
        TimeSplits splits = TimeSplits.at(ORIGINAL, VALID_START, TEST_START);
        checkLabelWindowsEndBefore(splits.train(), VALID_START, h);
        checkLabelWindowsEndBefore(splits.valid(), TEST_START, h);
        for (int i = 0; i < splits.valid().size(); i++) {
            assertThat(splits.valid().key(i).date()).isAfterOrEqualTo(VALID_START).isBefore(TEST_START);
        }
        // The gap: for stocks trading every session, at least h sessions lie between the last train
        // day and the first valid day.
        List<LocalDate> sessions = MiniPanel.BARS.stream().map(Bar::tradeDate).distinct().sorted().toList();
        LocalDate lastTrain = lastDate(splits.train());
        LocalDate firstValid = splits.valid().key(0).date();
        assertThat(sessions.indexOf(firstValid) - sessions.indexOf(lastTrain)).isGreaterThanOrEqualTo(h + 1);
        assertThat(sessions.indexOf(splits.test().key(0).date()) - sessions.indexOf(lastDate(splits.valid())))
                .isGreaterThanOrEqualTo(h + 1);
        // Without the rule the last train samples would be labelled: the gap is what drops them.
        long labelledBeforeValid = countDatedBefore(ORIGINAL.labelled(), VALID_START);
        assertThat(splits.train().size()).isLessThan((int) labelledBeforeValid);
    }

    @Test
    void fractionsSplitTheLabelledDaysInOrder() {
        TimeSplits splits = TimeSplits.byFraction(ORIGINAL, 0.6, 0.2);
        assertThat(lastDate(splits.train())).isBefore(splits.validStart());
        assertThat(splits.valid().key(0).date()).isEqualTo(splits.validStart());
        assertThat(lastDate(splits.valid())).isBefore(splits.testStart());
        assertThat(splits.test().key(0).date()).isEqualTo(splits.testStart());
        int total = splits.train().size() + splits.valid().size() + splits.test().size();
        assertThat(total).isLessThan(ORIGINAL.labelled().size());
    }

    private static void checkLabelWindowsEndBefore(SampleSource split, LocalDate boundary, int h) {
        assertThat(split.size()).isGreaterThan(500);
        for (int i = 0; i < split.size(); i++) {
            Samples.Key key = split.key(i);
            List<Bar> bars = MiniPanel.BY_CODE.get(key.tsCode());
            int t = LabelsTest.indexOf(bars, key.date());
            assertThat(bars.get(t + h).tradeDate()).as("label end of %s", key).isBefore(boundary);
        }
    }

    private static LocalDate lastDate(SampleSource source) {
        return source.key(source.size() - 1).date();
    }

    private static long countDatedBefore(SampleSource source, LocalDate date) {
        long n = 0;
        for (int i = 0; i < source.size(); i++) {
            if (source.key(i).date().isBefore(date)) {
                n++;
            }
        }
        return n;
    }

    static Samples gatherAll(SampleSource source) {
        int[] all = new int[source.size()];
        Arrays.setAll(all, i -> i);
        return source.gather(all);
    }

    private static int stepValues(int seqLen, int perStep) {
        return seqLen * perStep;
    }

    private static float[] slice(float[] values, int fromSample, int toSample, int perSample) {
        return Arrays.copyOfRange(values, fromSample * perSample, toSample * perSample);
    }
}
