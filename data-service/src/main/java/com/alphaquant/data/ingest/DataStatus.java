package com.alphaquant.data.ingest;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.CalendarStore;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.GapStore;
import com.alphaquant.market.TradingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * How current the data is: per quote dataset, the last day up to which every trading day since
 * the cycle's start is stored, the days still missing, those waiting for another attempt and
 * those that are late.
 */
@Service
public class DataStatus {

    /** Most late days listed by name (the newest); the count covers all. */
    static final int LATE_LISTED = 20;

    public record Status(Instant asOf, LocalDate today, Cycle cycle, List<DatasetStatus> datasets) {
    }

    public record Cycle(boolean enabled, String cron, LocalDate start, String lastJob) {
    }

    public record DatasetStatus(String dataset, LocalDate lastCompleteDay, int missingDays, List<Pending> pending,
                                int lateDays, List<LocalDate> late) {
    }

    public record Pending(LocalDate day, int attempts, Instant lastAttempt, Instant nextAttempt) {
    }

    private final CoverageStore coverage;
    private final CalendarStore calendar;
    private final GapStore gaps;
    private final JobStore jobs;
    private final DataProperties.Cycle config;
    private final Clock clock;

    public DataStatus(CoverageStore coverage, CalendarStore calendar, GapStore gaps, JobStore jobs, DataProperties properties,
                      Clock clock) {
        this.coverage = coverage;
        this.calendar = calendar;
        this.gaps = gaps;
        this.jobs = jobs;
        this.config = properties.cycle();
        this.clock = clock;
    }

    public Status status() {
        Instant now = clock.instant();
        LocalDate today = Publication.today(now);
        LocalDate yesterday = today.minusDays(1);
        List<LocalDate> openDays = yesterday.isBefore(config.start()) ? List.of()
                : calendar.days(config.start(), yesterday).stream().filter(TradingCalendar.Day::open)
                        .map(TradingCalendar.Day::date).toList();
        List<DatasetStatus> datasets = DailyCycle.DATASETS.stream().filter(Dataset::isQuotes)
                .map(d -> of(d, openDays)).toList();
        Cycle cycle = new Cycle(config.enabled(), config.cron(), config.start(),
                jobs.lastCycleJob().map(id -> "/api/data/jobs/" + id).orElse(null));
        return new Status(now, today, cycle, datasets);
    }

    private DatasetStatus of(Dataset dataset, List<LocalDate> openDays) {
        Set<LocalDate> covered = covered(dataset, openDays);
        LocalDate lastComplete = null;
        for (LocalDate day : openDays) {
            if (!covered.contains(day)) {
                break;
            }
            lastComplete = day;
        }
        int missing = (int) openDays.stream().filter(d -> !covered.contains(d)).count();
        List<GapStore.Gap> all = gaps.gaps(dataset.apiName());
        List<Pending> pending = all.stream().filter(g -> !g.late())
                .map(g -> new Pending(g.day(), g.attempts(), g.lastAttempt(), g.nextAttempt())).toList();
        List<LocalDate> late = all.stream().filter(GapStore.Gap::late).map(GapStore.Gap::day).toList();
        return new DatasetStatus(dataset.apiName(), lastComplete, missing, pending, late.size(),
                late.subList(Math.max(0, late.size() - LATE_LISTED), late.size()));
    }

    /** Covered days: the whole market's, or for indices the days every default index is stored for. */
    private Set<LocalDate> covered(Dataset dataset, List<LocalDate> openDays) {
        if (openDays.isEmpty()) {
            return Set.of();
        }
        LocalDate from = openDays.get(0);
        LocalDate to = openDays.get(openDays.size() - 1);
        if (dataset != Dataset.INDEX_DAILY) {
            return coverage.wholeMarketDays(dataset.apiName(), from, to);
        }
        Set<LocalDate> days = new HashSet<>(openDays);
        for (String code : IngestRequest.DEFAULT_INDICES) {
            List<CoverageStore.Range> ranges = coverage.ranges(dataset.apiName(), code);
            days.removeIf(d -> ranges.stream().noneMatch(r -> r.contains(d)));
        }
        return days;
    }
}
