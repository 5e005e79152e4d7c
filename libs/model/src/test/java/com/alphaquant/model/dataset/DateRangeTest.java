package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final LocalDate FROM = LocalDate.of(2021, 6, 1);
    private static final LocalDate TO = LocalDate.of(2022, 6, 30);
    private static final DatasetSpec SPEC = DatasetSpec.defaults().withDates(FROM, TO);
    private static final Dataset RANGE = MiniPanel.build(SPEC, MiniPanel.BARS);
    private static final Dataset FULL = MiniPanel.build(DatasetSpec.defaults(), MiniPanel.BARS);

    @Test
    void samplesLieInTheRangeAndTheirInputsAreThoseOfTheFullHistory() {
        Samples range = LeakageTest.gatherAll(RANGE.all());
        assertThat(range.keys().get(0).date()).isEqualTo(FROM);
        assertThat(range.keys().get(range.size() - 1).date()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(range.keys()).allMatch(k -> !k.date().isBefore(FROM) && !k.date().isAfter(TO));

        SampleSource all = FULL.all();
        int skipped = 0;
        while (all.key(skipped).date().isBefore(FROM)) {
            skipped++;
        }
        int first = skipped;
        int[] same = new int[range.size()];
        Arrays.setAll(same, i -> first + i);
        Samples full = all.gather(same);
        assertThat(full.keys()).isEqualTo(range.keys());
        assertThat(range.factors()).isEqualTo(full.factors());
        assertThat(range.market()).isEqualTo(full.market());
        assertThat(range.mask()).isEqualTo(full.mask());
    }

    @Test
    void noBarAfterTheRangeIsReadNotEvenForLabels() {
        Samples range = LeakageTest.gatherAll(RANGE.all());
        int h = SPEC.horizon();
        List<LocalDate> days = RANGE.sampleDates();
        LocalDate lastLabelled = days.get(days.size() - 1 - h);
        int checked = 0;
        for (int i = 0; i < range.size(); i++) {
            LocalDate date = range.keys().get(i).date();
            float ret = range.labels()[i * Samples.LABELS];
            if (date.isAfter(lastLabelled)) {
                assertThat(ret).as("%s", range.keys().get(i)).isNaN();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(h * 20);
        assertThat(RANGE.labelled().key(RANGE.labelled().size() - 1).date()).isEqualTo(lastLabelled);
    }

    @Test
    void aRangeWithoutBarsIsRefused() {
        assertThatThrownBy(() -> MiniPanel.build(DatasetSpec.defaults().withDates(LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31)), MiniPanel.BARS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No stock bars up to 2019-12-31");
        assertThatThrownBy(() -> DatasetSpec.defaults().withDates(TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    }
}
