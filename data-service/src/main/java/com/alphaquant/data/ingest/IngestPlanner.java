package com.alphaquant.data.ingest;

import com.alphaquant.data.store.CoverageStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a request into the fewest Tushare calls for what is not yet stored: whole-market days
 * by trade date (one call returns every stock of a day), a few stocks by ts_code (one call
 * returns up to rowCap days of one stock) — whichever needs fewer calls.
 */
public class IngestPlanner {

    /** What is stored already: the planner's only question to the database. */
    public interface Coverage {
        Set<LocalDate> wholeMarketDays(String dataset, LocalDate from, LocalDate to);

        List<CoverageStore.Range> ranges(String dataset, String scope);
    }

    private final Coverage coverage;
    private final int rowCap;

    public IngestPlanner(Coverage coverage, int rowCap) {
        this.coverage = coverage;
        this.rowCap = rowCap;
    }

    /**
     * @param codes    the stocks, or empty for the whole market
     * @param openDays the trading days of the requested range
     */
    public List<WorkUnit> plan(Dataset dataset, List<String> codes, List<LocalDate> openDays) {
        if (openDays.isEmpty()) {
            return List.of();
        }
        LocalDate first = openDays.get(0);
        LocalDate last = openDays.get(openDays.size() - 1);
        Set<LocalDate> marketDone = coverage.wholeMarketDays(dataset.apiName(), first, last);
        if (codes.isEmpty()) {
            return openDays.stream().filter(d -> !marketDone.contains(d))
                    .map(d -> new WorkUnit(dataset, List.of(), d, d)).toList();
        }
        List<WorkUnit> byCode = new ArrayList<>();
        TreeSet<LocalDate> missingDays = new TreeSet<>();
        int byCodeCalls = 0;
        for (String code : codes) {
            List<CoverageStore.Range> done = coverage.ranges(dataset.apiName(), code);
            List<LocalDate> missing = openDays.stream()
                    .filter(d -> !marketDone.contains(d) && done.stream().noneMatch(r -> r.contains(d))).toList();
            if (!missing.isEmpty()) {
                byCode.add(new WorkUnit(dataset, List.of(code), missing.get(0), missing.get(missing.size() - 1)));
                byCodeCalls += (missing.size() + rowCap - 1) / rowCap;
                missingDays.addAll(missing);
            }
        }
        int callsPerDay = (codes.size() + rowCap - 1) / rowCap;
        if (dataset != Dataset.INDEX_DAILY && missingDays.size() * callsPerDay < byCodeCalls) {
            return missingDays.stream().map(d -> new WorkUnit(dataset, codes, d, d)).toList();
        }
        return byCode;
    }

    /**
     * Calls a plan needs: each unit returns its rows in pages of rowCap; a whole-market day has
     * {@code marketSize} rows.
     */
    public long calls(List<WorkUnit> units, List<LocalDate> openDays, int marketSize) {
        long calls = 0;
        for (WorkUnit u : units) {
            long days = openDays.stream().filter(d -> !d.isBefore(u.from()) && !d.isAfter(u.to())).count();
            long rows = days * (u.wholeMarket() ? marketSize : u.codes().size());
            calls += Math.max(1, (rows + rowCap - 1) / rowCap);
        }
        return calls;
    }
}
