package com.alphaquant.bench.data;

import com.alphaquant.data.ingest.Dataset;
import com.alphaquant.data.ingest.IngestPlanner;
import com.alphaquant.data.ingest.WorkUnit;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.csv.TradeCalCsv;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Benchmark (c) of the ingestion issue: how many Tushare calls the planner needs for a
 * full-market daily load, by trade date versus by stock, with nothing stored yet.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.alphaquant.bench.data.PlanBench [trade_cal.csv.gz]</pre>
 */
public final class PlanBench {

    private static final IngestPlanner.Coverage NOTHING_STORED = new IngestPlanner.Coverage() {
        @Override
        public Set<LocalDate> wholeMarketDays(String dataset, LocalDate from, LocalDate to) {
            return Set.of();
        }

        @Override
        public List<CoverageStore.Range> ranges(String dataset, String scope) {
            return List.of();
        }
    };

    private PlanBench() {
    }

    public static void main(String[] args) {
        int stocks = 5_300; // A-shares listed at the end of 2024
        IngestPlanner planner = new IngestPlanner(NOTHING_STORED, 6_000);
        List<String> everyStock = IntStream.range(0, stocks).mapToObj(i -> String.format("%06d.SZ", i)).toList();

        List<LocalDate> weekdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2005, 1, 1); d.isBefore(LocalDate.of(2025, 1, 1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(d);
            }
        }
        report(planner, "2005-2024, weekdays (upper bound)", weekdays, everyStock);
        if (args.length > 0) {
            TradingCalendar cal = TradeCalCsv.read(Path.of(args[0]));
            List<LocalDate> open = cal.openDays(LocalDate.of(2016, 1, 1), LocalDate.of(2025, 12, 31));
            report(planner, "2016-2025, SSE calendar (10 years)", open, everyStock);
        }
    }

    private static void report(IngestPlanner planner, String range, List<LocalDate> days, List<String> stocks) {
        List<WorkUnit> byDate = planner.plan(Dataset.DAILY, List.of(), days);
        List<WorkUnit> byCode = stocks.stream().map(c -> new WorkUnit(Dataset.DAILY, List.of(c), days.get(0), days.get(days.size() - 1))).toList();
        long dateCalls = planner.calls(byDate, days, stocks.size());
        long codeCalls = planner.calls(byCode, days, stocks.size());
        System.out.printf("%-36s %5d trading days x %,d stocks: by trade date %,d calls, by ts_code %,d calls -> planner uses %,d%n",
                range, days.size(), stocks.size(), dateCalls, codeCalls, Math.min(dateCalls, codeCalls));
        System.out.printf("%-36s daily + adj_factor: %,d calls = %.1f h at 200 calls/min, %.1f h at 500 calls/min%n", "",
                2 * Math.min(dateCalls, codeCalls), 2 * Math.min(dateCalls, codeCalls) / 200.0 / 60, 2 * Math.min(dateCalls, codeCalls) / 500.0 / 60);
    }
}
