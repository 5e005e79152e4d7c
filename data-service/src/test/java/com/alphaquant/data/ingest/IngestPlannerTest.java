package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.data.store.CoverageStore.Range;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestPlannerTest {

    /** Coverage held in memory: the planner's arithmetic, not storage, is under test here. */
    static final class Covered implements IngestPlanner.Coverage {
        final Set<LocalDate> market = new HashSet<>();
        final Map<String, List<Range>> ranges = new HashMap<>();

        @Override
        public Set<LocalDate> wholeMarketDays(String dataset, LocalDate from, LocalDate to) {
            return market;
        }

        @Override
        public List<Range> ranges(String dataset, String scope) {
            return ranges.getOrDefault(scope, List.of());
        }
    }

    static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    private final Covered covered = new Covered();
    private final IngestPlanner planner = new IngestPlanner(covered, 6000);
    private final List<LocalDate> year2022 = weekdays(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 12, 30));

    @Test
    void wholeMarketIsFetchedByTradeDateSkippingStoredDays() {
        covered.market.addAll(year2022.subList(0, 100));
        List<WorkUnit> units = planner.plan(Dataset.DAILY, List.of(), year2022);

        assertThat(units).hasSize(year2022.size() - 100).allMatch(WorkUnit::wholeMarket);
        assertThat(units.get(0).params()).containsEntry("trade_date", year2022.get(100).toString().replace("-", ""));
    }

    @Test
    void aFewStocksAreFetchedByCodeOneCallEach() {
        List<WorkUnit> units = planner.plan(Dataset.DAILY, List.of("600519.SH", "000001.SZ"), year2022);

        assertThat(units).hasSize(2);
        assertThat(units.get(0).params()).containsEntry("ts_code", "600519.SH").containsEntry("start_date", "20220103")
                .containsEntry("end_date", "20221230");
    }

    @Test
    void manyStocksOverAFewDaysAreFetchedByDate() {
        List<String> codes = IntStream.range(0, 50).mapToObj(i -> String.format("600%03d.SH", i)).toList();
        List<WorkUnit> units = planner.plan(Dataset.DAILY, codes, year2022.subList(0, 5));

        assertThat(units).hasSize(5).allMatch(u -> u.codes().size() == 50 && u.from().equals(u.to()));
    }

    @Test
    void storedRangesOfAStockAreNotFetchedAgain() {
        covered.ranges.put("600519.SH", List.of(new Range(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 12, 30))));
        covered.ranges.put("000001.SZ", List.of(new Range(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 6, 30))));

        List<WorkUnit> units = planner.plan(Dataset.DAILY, List.of("600519.SH", "000001.SZ"), year2022);

        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.codes()).containsExactly("000001.SZ");
            assertThat(u.from()).isEqualTo(LocalDate.of(2022, 7, 1));
        });
    }

    @Test
    void aTwentyYearFullMarketLoadNeedsOneCallPerTradingDay() {
        List<LocalDate> twentyYears = weekdays(LocalDate.of(2005, 1, 3), LocalDate.of(2024, 12, 31));
        List<WorkUnit> units = planner.plan(Dataset.DAILY, List.of(), twentyYears);

        // 5,300 stocks a day fit in one call of 6,000 rows.
        assertThat(planner.calls(units, twentyYears, 5_300)).isEqualTo(twentyYears.size());
        // At 7,000 stocks a day each day needs two pages.
        assertThat(planner.calls(units, twentyYears, 7_000)).isEqualTo(2L * twentyYears.size());
    }
}
