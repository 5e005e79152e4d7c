package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Bar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stock whose bars start late in the sample: its early windows are padded and masked. */
class ShortHistoryTest {

    private static final String YOUNG = "000001.SZ";
    private static final int DROPPED = 200;
    private static final List<Bar> YOUNG_BARS = MiniPanel.BY_CODE.get(YOUNG).subList(DROPPED, MiniPanel.BY_CODE.get(YOUNG).size());
    private static final DatasetSpec SPEC = DatasetSpec.defaults();
    private static final Dataset DATA = MiniPanel.build(SPEC, withYoungStock());

    @Test
    void theFirstSampleComesAtMinHistoryBarsWithTheStepsBeforeTheFirstBarMasked() {
        SampleSource all = DATA.all();
        List<Integer> young = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.key(i).tsCode().equals(YOUNG)) {
                young.add(i);
            }
        }
        assertThat(all.key(young.get(0)).date()).isEqualTo(YOUNG_BARS.get(SPEC.minHistory() - 1).tradeDate());
        int seqLen = SPEC.seqLen();
        for (int k = 0; k < 45; k++) {
            Samples s = all.gather(new int[] {young.get(k)});
            int bars = SPEC.minHistory() + k; // bars up to and including the sample's day
            assertThat(s.keys().get(0).date()).isEqualTo(YOUNG_BARS.get(bars - 1).tradeDate());
            int padded = Math.max(0, seqLen - bars);
            for (int j = 0; j < seqLen; j++) {
                assertThat(s.mask()[j]).as("step %d of sample %d", j, k).isEqualTo(j < padded ? 0f : 1f);
                if (j < padded) {
                    for (int f = 0; f < s.factorCount(); f++) {
                        assertThat(s.factors()[j * s.factorCount() + f]).isZero();
                    }
                    for (int m = 0; m < s.marketCount(); m++) {
                        assertThat(s.market()[j * s.marketCount() + m]).isZero();
                    }
                }
            }
            // The first unmasked step is the stock's first bar: its market vector is that day's.
            LocalDate firstDay = YOUNG_BARS.get(Math.max(0, bars - seqLen)).tradeDate();
            Samples sameDay = DATA.inference(firstDay, List.of("600519.SH")).gather(new int[] {0});
            assertThat(slice(s.market(), padded, s.marketCount()))
                    .isEqualTo(slice(sameDay.market(), seqLen - 1, s.marketCount()));
        }
    }

    @Test
    void everySamplesLastStepHasData() {
        Samples all = LeakageTest.gatherAll(DATA.all());
        List<Samples.Key> without = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.mask()[i * all.seqLen() + all.seqLen() - 1] != 1f) {
                without.add(all.keys().get(i));
            }
        }
        assertThat(all.size()).isGreaterThan(10_000);
        assertThat(without).isEmpty();
    }

    @Test
    void inferenceLeavesOutStocksBelowMinHistoryAndFailsOnADayWithoutBars() {
        LocalDate early = YOUNG_BARS.get(SPEC.minHistory() - 2).tradeDate();
        LocalDate enough = YOUNG_BARS.get(SPEC.minHistory() - 1).tradeDate();
        assertThat(keysOf(DATA.inference(early))).doesNotContain(YOUNG).hasSizeGreaterThan(25);
        assertThat(keysOf(DATA.inference(enough))).contains(YOUNG);
        assertThatThrownBy(() -> DATA.inference(LocalDate.of(2022, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No bars on 2022-01-01");
    }

    private static List<String> keysOf(SampleSource source) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            codes.add(source.key(i).tsCode());
        }
        return codes;
    }

    private static float[] slice(float[] values, int step, int perStep) {
        return java.util.Arrays.copyOfRange(values, step * perStep, (step + 1) * perStep);
    }

    private static List<Bar> withYoungStock() {
        List<Bar> bars = new ArrayList<>(MiniPanel.BARS.stream().filter(b -> !b.tsCode().toString().equals(YOUNG)).toList());
        bars.addAll(YOUNG_BARS);
        return bars;
    }
}
