package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    /** 2024-02-05 .. 2024-02-20 around the Spring Festival: open Mon-Fri except Feb 9-16. */
    private final TradingCalendar calendar = springFestival2024();

    static TradingCalendar springFestival2024() {
        List<TradingCalendar.Day> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 2, 5); !d.isAfter(LocalDate.of(2024, 2, 20)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            boolean holiday = !d.isBefore(LocalDate.of(2024, 2, 9)) && !d.isAfter(LocalDate.of(2024, 2, 16));
            days.add(new TradingCalendar.Day(d, !weekend && !holiday));
        }
        return TradingCalendar.of(days);
    }

    @Test
    void stepsOverWeekendsAndHolidays() {
        assertThat(calendar.isOpen(LocalDate.of(2024, 2, 8))).isTrue();
        assertThat(calendar.isOpen(LocalDate.of(2024, 2, 12))).isFalse();
        assertThat(calendar.next(LocalDate.of(2024, 2, 8))).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(calendar.next(LocalDate.of(2024, 2, 10))).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(calendar.previous(LocalDate.of(2024, 2, 19))).isEqualTo(LocalDate.of(2024, 2, 8));
        assertThat(calendar.openDays(LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 19)))
                .containsExactly(LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 19));
        assertThat(calendar.sessions(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 19))).isEqualTo(5);
    }

    @Test
    void countsSessionsSinceListing() {
        assertThat(calendar.sessionSinceListing(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 8))).isEqualTo(1);
        assertThat(calendar.sessionSinceListing(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 19))).isEqualTo(2);
        assertThat(calendar.sessionSinceListing(LocalDate.of(2001, 1, 1), LocalDate.of(2024, 2, 19))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesDatesOutsideItsRangeNamingDateAndRange() {
        assertThatThrownBy(() -> calendar.isOpen(LocalDate.of(2024, 3, 1)))
                .isInstanceOf(DateOutOfCalendarException.class)
                .hasMessage("Date 2024-03-01 is outside the trading calendar (calendar covers 2024-02-05 to 2024-02-20)");
        assertThatThrownBy(() -> calendar.next(LocalDate.of(2024, 2, 20)))
                .isInstanceOf(DateOutOfCalendarException.class)
                .hasMessageContaining("2024-02-20 has no trading day after it");
        assertThatThrownBy(() -> calendar.previous(LocalDate.of(2024, 2, 5)))
                .hasMessageContaining("2024-02-05 has no trading day before it");
        assertThatThrownBy(() -> calendar.openDays(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 2, 8)))
                .hasMessageContaining("2023-12-01");
    }
}
