package com.alphaquant.data.ingest;

import com.alphaquant.data.store.CoverageStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The units of {@code index_weight}: one per index and calendar month of the request not yet
 * covered (an index publishes its weights about monthly, so a month is a few hundred rows, one
 * call). Coverage is kept per index code; a month is covered only up to yesterday, so the
 * current month is asked again until it is over.
 */
final class IndexWeightPlan {

    private IndexWeightPlan() {
    }

    static List<WorkUnit> months(IngestRequest request, IngestPlanner.Coverage coverage) {
        List<WorkUnit> units = new ArrayList<>();
        for (String index : request.codesFor(Dataset.INDEX_WEIGHT)) {
            List<CoverageStore.Range> done = coverage.ranges(Dataset.INDEX_WEIGHT.apiName(), index);
            for (YearMonth m = YearMonth.from(request.startDate()); !m.isAfter(YearMonth.from(request.endDate())); m = m.plusMonths(1)) {
                LocalDate from = max(m.atDay(1), request.startDate());
                LocalDate to = min(m.atEndOfMonth(), request.endDate());
                if (done.stream().noneMatch(r -> r.contains(from, to))) {
                    units.add(new WorkUnit(Dataset.INDEX_WEIGHT, List.of(index), from, to));
                }
            }
        }
        return units;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
