package com.alphaquant.data.ingest;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.GapStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily update: after the close it queues one job for the whole market from the configured
 * start to today; the planner leaves out what is covered, so a normal day costs a few calls per
 * dataset and a missed week is caught up by itself. Between runs it looks for empty days whose
 * next attempt is due and queues a job for those. The job ends with market.data.ready, from which
 * factors, predictions and signals follow. One cycle job waits or runs at a time across
 * replicas (a unique index), so schedulers firing together queue it once.
 */
@Component
public class DailyCycle {

    private static final Logger log = LoggerFactory.getLogger(DailyCycle.class);
    /** What the cycle keeps current: quotes, northbound flow and the reference data they need (ST history included). */
    static final EnumSet<Dataset> DATASETS = EnumSet.of(Dataset.STOCK_BASIC, Dataset.TRADE_CAL, Dataset.NAMECHANGE,
            Dataset.DAILY, Dataset.ADJ_FACTOR, Dataset.INDEX_DAILY,
            Dataset.STK_LIMIT, Dataset.SUSPEND_D, Dataset.MONEYFLOW_HSGT, Dataset.INDEX_WEIGHT,
            Dataset.INDEX_CLASSIFY, Dataset.INDEX_MEMBER);

    private final JobStore jobs;
    private final GapStore gaps;
    private final DataProperties.Cycle config;
    private final Clock clock;

    public DailyCycle(JobStore jobs, GapStore gaps, DataProperties properties, Clock clock) {
        this.jobs = jobs;
        this.gaps = gaps;
        this.config = properties.cycle();
        this.clock = clock;
    }

    @Scheduled(cron = "${alphaquant.data.cycle.cron}", zone = "Asia/Shanghai")
    void afterTheClose() {
        if (config.enabled()) {
            run("after the close");
        }
    }

    @Scheduled(fixedDelayString = "${alphaquant.data.cycle.retry-check}", initialDelayString = "${alphaquant.data.cycle.retry-check}")
    void retryDue() {
        if (config.enabled() && gaps.anyDue(clock.instant())) {
            run("retrying days that came back empty");
        }
    }

    /**
     * Queues the cycle's job unless one is waiting or running: its id, or empty. It asks up to
     * today once the session has closed, up to yesterday before.
     */
    public Optional<UUID> run(String why) {
        LocalDate end = Publication.lastClosedDay(clock.instant());
        if (end.isBefore(config.start())) {
            return Optional.empty();
        }
        IngestRequest request = new IngestRequest(DATASETS, List.of(), config.start(), end);
        Optional<UUID> id = jobs.submitCycle(request, clock.instant());
        if (id.isPresent()) {
            log.info("Daily cycle ({}): job {} for {}..{}", why, id.get(), config.start(), end);
        } else {
            log.info("Daily cycle ({}): a cycle job is already waiting or running", why);
        }
        return id;
    }
}
