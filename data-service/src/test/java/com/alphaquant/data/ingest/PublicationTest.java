package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicationTest {

    final Publication publication = new Publication(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(18));
    final Instant now = Instant.parse("2024-03-04T08:40:00Z"); // 16:40 in Beijing

    @Test
    void waitsDoubleFromTheBaseUpToTheCap() {
        assertThat(publication.nextAttempt(1, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(publication.nextAttempt(2, now)).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(publication.nextAttempt(4, now)).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(publication.nextAttempt(60, now)).isEqualTo(now.plus(Duration.ofHours(2)));
    }

    @Test
    void anEmptyDayIsLateEighteenHoursAfterItsClose() {
        LocalDate day = LocalDate.of(2024, 3, 4);
        // 15:00 Beijing + 18 h = 09:00 Beijing the next day = 01:00 UTC.
        assertThat(publication.isLate(day, Instant.parse("2024-03-05T00:59:59Z"))).isFalse();
        assertThat(publication.isLate(day, Instant.parse("2024-03-05T01:00:00Z"))).isTrue();
    }

    @Test
    void todayIsTheDateInBeijing() {
        assertThat(Publication.today(Instant.parse("2024-03-04T16:30:00Z"))).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(Publication.today(Instant.parse("2024-03-04T15:59:59Z"))).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void theLastClosedDayIsTodayFromTheCloseOn() {
        assertThat(Publication.lastClosedDay(Instant.parse("2024-03-04T06:59:59Z"))).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(Publication.lastClosedDay(Instant.parse("2024-03-04T07:00:00Z"))).isEqualTo(LocalDate.of(2024, 3, 4));
    }

    @Test
    void aRetryFasterThanItsCapIsRefused() {
        assertThatThrownBy(() -> new Publication(Duration.ofHours(3), Duration.ofHours(2), Duration.ofHours(18)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
