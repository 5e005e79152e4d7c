package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.market.CalendarEffects.Group;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CalendarEffectsTest {

    private static final double EPS = 1e-12;

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static void assertGroup(Group g, int n, double mean, Double stdev, Double t, double positiveShare) {
        assertThat(g.n()).as(g.label()).isEqualTo(n);
        assertThat(g.mean()).as(g.label()).isCloseTo(mean, within(EPS));
        if (stdev == null) {
            assertThat(g.stdev()).as(g.label()).isNull();
        } else {
            assertThat(g.stdev()).as(g.label()).isCloseTo(stdev, within(EPS));
        }
        if (t == null) {
            assertThat(g.t()).as(g.label()).isNull();
        } else {
            assertThat(g.t()).as(g.label()).isCloseTo(t, within(1e-9));
        }
        assertThat(g.positiveShare()).as(g.label()).isEqualTo(positiveShare);
    }

    private static void assertEmpty(Group g) {
        assertThat(g.n()).as(g.label()).isZero();
        assertThat(g.mean()).isNull();
        assertThat(g.stdev()).isNull();
        assertThat(g.t()).isNull();
        assertThat(g.positiveShare()).isNull();
    }

    @Test
    void aWeekOfHandWorkedReturnsByWeekday() {
        // Tue 100 → Wed 110 (+10%) → Thu 99 (−10%) → Fri 99 (0) → Mon 108.9 (+10%) → Tue 98.01 (−10%) → Wed 107.811 (+10%)
        CalendarEffects e = CalendarEffects.of(
                dates("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10"),
                new double[] {100, 110, 99, 99, 108.9, 98.01, 107.811}, LocalDate.parse("2024-01-10"));

        assertThat(e.observations()).isEqualTo(6);
        assertThat(e.byWeekday()).extracting(Group::label).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri");
        assertThat(e.byWeekday()).extracting(Group::key).containsExactly(1, 2, 3, 4, 5);
        assertGroup(e.byWeekday().get(0), 1, 0.1, null, null, 1.0);
        assertGroup(e.byWeekday().get(1), 1, -0.1, null, null, 0.0);
        assertGroup(e.byWeekday().get(2), 2, 0.1, 0.0, null, 1.0); // two equal returns: stdev 0, no t
        assertGroup(e.byWeekday().get(3), 1, -0.1, null, null, 0.0);
        assertGroup(e.byWeekday().get(4), 1, 0.0, null, null, 0.0); // a zero return is not positive
        // January 2024 has no close before it: not a whole month.
        assertThat(e.months()).isZero();
        assertThat(e.byMonth()).hasSize(12).allSatisfy(CalendarEffectsTest::assertEmpty);
        assertThat(e.byQuarter()).extracting(Group::label).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(e.byQuarter()).allSatisfy(CalendarEffectsTest::assertEmpty);
    }

    @Test
    void wholeMonthsAndQuartersCompoundTheirDays() {
        // Month ends: Jan 10 | Feb 11, 12 | Mar 9 | Apr 9.9 | May none (suspended) | Jun 11.88, covered through Jun 30.
        CalendarEffects e = CalendarEffects.of(
                dates("2024-01-31", "2024-02-15", "2024-02-29", "2024-03-29", "2024-04-30", "2024-06-28"),
                new double[] {10, 11, 12, 9, 9.9, 11.88}, LocalDate.parse("2024-06-30"));

        // Feb 12/10 − 1 = 0.2, Mar 9/12 − 1 = −0.25, Apr 9.9/9 − 1 = 0.1, May no close of its own, Jun 11.88/9.9 − 1 = 0.2.
        assertThat(e.months()).isEqualTo(4);
        assertGroup(e.byMonth().get(1), 1, 0.2, null, null, 1.0);
        assertGroup(e.byMonth().get(2), 1, -0.25, null, null, 0.0);
        assertGroup(e.byMonth().get(3), 1, 0.1, null, null, 1.0);
        assertEmpty(e.byMonth().get(4));
        assertGroup(e.byMonth().get(5), 1, 0.2, null, null, 1.0);
        assertEmpty(e.byMonth().get(0));
        assertThat(e.byMonth().get(0).label()).isEqualTo("Jan");
        assertThat(e.byMonth().get(11).label()).isEqualTo("Dec");
        // Q1 has no close before it; Q2 is whole: 11.88/9 − 1 = 0.32.
        assertThat(e.quarters()).isEqualTo(1);
        assertEmpty(e.byQuarter().get(0));
        assertGroup(e.byQuarter().get(1), 1, 0.32, null, null, 1.0);

        // By weekday: Thu 11/10 − 1 = 1/10 and 12/11 − 1 = 1/11; for two values t = (a + b)/|a − b| = (21/110)/(1/110) = 21.
        Group thursday = e.byWeekday().get(3);
        assertGroup(thursday, 2, (0.1 + 1.0 / 11) / 2, (0.1 - 1.0 / 11) / Math.sqrt(2), 21.0, 1.0);
        // Fri −0.25 and +0.2: mean −0.025, t = −0.05/0.45 = −1/9, half positive.
        assertGroup(e.byWeekday().get(4), 2, -0.025, 0.45 / Math.sqrt(2), -1.0 / 9, 0.5);
        assertGroup(e.byWeekday().get(1), 1, 0.1, null, null, 1.0);
        assertThat(e.observations()).isEqualTo(5);

        // Covered only through Jun 27, June and Q2 are not whole.
        CalendarEffects cut = CalendarEffects.of(dates("2024-01-31", "2024-02-15", "2024-02-29", "2024-03-29", "2024-04-30"),
                new double[] {10, 11, 12, 9, 9.9}, LocalDate.parse("2024-06-27"));
        assertThat(cut.months()).isEqualTo(3);
        assertThat(cut.quarters()).isZero();
    }

    /** 600519.SH's forward-adjusted closes from the sample, checked against plain loops written another way. */
    @Test
    void theRealSampleAgreesWithAnIndependentComputation() {
        LocalDate start = LocalDate.parse("2021-01-04");
        LocalDate end = LocalDate.parse("2022-12-20");
        List<LocalDate> days = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (Bar b : BarCsv.read(SampleData.file(SampleData.BARS_MINI_30))) {
            if (b.tsCode().toString().equals("600519.SH") && !b.tradeDate().isBefore(start) && !b.tradeDate().isAfter(end)) {
                days.add(b.tradeDate());
                closes.add(b.close() * b.adjFactor());
            }
        }
        // the file comes in any order: sort by date
        TreeMap<LocalDate, Double> series = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            series.put(days.get(i), closes.get(i));
        }
        List<LocalDate> d = new ArrayList<>(series.keySet());
        double[] c = series.values().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(d).hasSizeGreaterThan(450);

        CalendarEffects e = CalendarEffects.of(d, c, end);

        // Weekday: running sums and sums of squares (var = (Σx² − n·mean²)/(n − 1)).
        double[] sum = new double[6];
        double[] squares = new double[6];
        int[] n = new int[6];
        int[] up = new int[6];
        for (int i = 1; i < c.length; i++) {
            int w = d.get(i).getDayOfWeek().getValue();
            double r = c[i] / c[i - 1] - 1;
            sum[w] += r;
            squares[w] += r * r;
            n[w]++;
            up[w] += r > 0 ? 1 : 0;
        }
        assertThat(e.observations()).isEqualTo(c.length - 1);
        for (int w = 1; w <= 5; w++) {
            double mean = sum[w] / n[w];
            double stdev = Math.sqrt((squares[w] - n[w] * mean * mean) / (n[w] - 1));
            assertGroup(e.byWeekday().get(w - 1), n[w], mean, stdev, mean / (stdev / Math.sqrt(n[w])), (double) up[w] / n[w]);
        }

        // Month: the month's last close over the previous month's last close (no compounding of days).
        TreeMap<java.time.YearMonth, Double> lastClose = new TreeMap<>();
        for (int i = 0; i < c.length; i++) {
            lastClose.put(java.time.YearMonth.from(d.get(i)), c[i]);
        }
        List<List<Double>> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new ArrayList<>());
        }
        java.time.YearMonth previous = null;
        for (var entry : lastClose.entrySet()) {
            // The first month has no close before it; December 2022 ends after the 20th.
            if (previous != null && !entry.getKey().equals(java.time.YearMonth.of(2022, 12))) {
                byMonth.get(entry.getKey().getMonthValue() - 1).add(entry.getValue() / lastClose.get(previous) - 1);
            }
            previous = entry.getKey();
        }
        assertThat(e.months()).isEqualTo(22); // February 2021 to November 2022
        for (int m = 0; m < 12; m++) {
            List<Double> returns = byMonth.get(m);
            Group g = e.byMonth().get(m);
            assertThat(g.n()).isEqualTo(returns.size()).isBetween(1, 2);
            assertThat(g.mean()).isCloseTo(returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(EPS));
            if (returns.size() == 2) {
                double a = returns.get(0);
                double b = returns.get(1);
                assertThat(g.stdev()).isCloseTo(Math.abs(a - b) / Math.sqrt(2), within(EPS));
                assertThat(g.t()).isCloseTo((a + b) / Math.abs(a - b), within(1e-9));
            }
        }
        // Quarters: Q2 2021 to Q3 2022 are whole; each is its last close over the last close before it.
        double q2021 = series.floorEntry(LocalDate.parse("2021-06-30")).getValue() / series.floorEntry(LocalDate.parse("2021-03-31")).getValue() - 1;
        double q2022 = series.floorEntry(LocalDate.parse("2022-06-30")).getValue() / series.floorEntry(LocalDate.parse("2022-03-31")).getValue() - 1;
        assertThat(e.quarters()).isEqualTo(6);
        assertThat(e.byQuarter().get(0).n()).isEqualTo(1);
        assertThat(e.byQuarter().get(1).n()).isEqualTo(2);
        assertThat(e.byQuarter().get(1).mean()).isCloseTo((q2021 + q2022) / 2, within(EPS));
        assertThat(e.byQuarter().get(3).n()).isEqualTo(1); // Q4 2021 only
    }

    @Test
    void anEmptyOrSingleCloseSeriesHasEveryGroupEmpty() {
        for (CalendarEffects e : List.of(CalendarEffects.of(List.of(), new double[0], LocalDate.parse("2024-01-10")),
                CalendarEffects.of(dates("2024-01-10"), new double[] {5}, LocalDate.parse("2024-01-10")))) {
            assertThat(e.observations()).isZero();
            assertThat(e.byWeekday()).hasSize(5).allSatisfy(CalendarEffectsTest::assertEmpty);
            assertThat(e.byMonth()).hasSize(12).allSatisfy(CalendarEffectsTest::assertEmpty);
            assertThat(e.byQuarter()).hasSize(4).allSatisfy(CalendarEffectsTest::assertEmpty);
        }
    }

    @Test
    void impossibleSeriesAreRejectedNamingTheValue() {
        LocalDate through = LocalDate.parse("2024-01-31");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-01-05", "2024-01-06"), new double[] {1, 2}, through))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-06 is a SATURDAY");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-01-05", "2024-01-05"), new double[] {1, 2}, through))
                .hasMessageContaining("dates must increase");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-01-04", "2024-01-05"), new double[] {1, 0}, through))
                .hasMessageContaining("2024-01-05 must be a positive price");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-01-04"), new double[] {Double.NaN}, through))
                .hasMessageContaining("positive price");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-01-04"), new double[] {1, 2}, through))
                .hasMessageContaining("1 dates but 2 closes");
        assertThatThrownBy(() -> CalendarEffects.of(dates("2024-02-01"), new double[] {1}, through))
                .hasMessageContaining("after coveredThrough");
    }
}
