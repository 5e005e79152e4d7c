package com.alphaquant.data.ingest;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.CalendarStore;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.GapStore;
import com.alphaquant.data.tushare.TushareClient;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.events.EventIds;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one claimed job: reference data first (calendar, stock list), then the quote units the
 * planner says are missing, fetched with bounded concurrency and each committed in one
 * transaction with its coverage mark, its progress and its outbox event. Killed half-way, a
 * job resumes by planning again: committed units are covered, the rest is fetched. When every
 * unit is stored (in this run or earlier ones of the same job), one {@link MarketDataReady} goes
 * into the outbox: the job's days are complete. Its id derives from the job id, so a job that
 * finishes again (resumed after a crash past that point) adds nothing new.
 *
 * <p>A unit is covered only when its data is there ({@link Publication}): today and later are
 * never covered (Tushare may not have published them, or may still correct them), and a
 * whole-market day that came back empty is recorded as a gap instead, which the daily cycle asks
 * again with backoff until it is late. Jobs of the API fetch every uncovered day regardless.
 */
@Component
public class IngestRunner {

    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

    private final TushareClient client;
    private final DayWriters writers;
    private final CoverageStore coverage;
    private final CalendarStore calendar;
    private final ReferenceLoader reference;
    private final JobStore jobs;
    private final IngestJobRepository jobRepository;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final DataProperties.Tushare config;
    private final IngestPlanner planner;
    private final GapStore gaps;
    private final Publication publication;
    private final Clock clock;
    private final FundamentalsLoader fundamentals;

    public IngestRunner(TushareClient client, DayWriters writers, CoverageStore coverage, CalendarStore calendar,
                        ReferenceLoader reference, JobStore jobs, IngestJobRepository jobRepository, Outbox outbox,
                        TransactionTemplate tx, DataProperties properties, GapStore gaps, Clock clock,
                        FundamentalsLoader fundamentals) {
        this.client = client;
        this.writers = writers;
        this.coverage = coverage;
        this.calendar = calendar;
        this.reference = reference;
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.outbox = outbox;
        this.tx = tx;
        this.config = properties.tushare();
        this.planner = new IngestPlanner(coverage, config.rowCap());
        this.gaps = gaps;
        this.publication = Publication.of(properties.cycle());
        this.clock = clock;
        this.fundamentals = fundamentals;
    }

    /** Runs the claimed job to its end; throws the Tushare failure that stopped it, if any. */
    public void run(JobQueue.Claim claim) {
        UUID jobId = claim.jobId();
        IngestJob job = jobRepository.findById(jobId).orElseThrow();
        IngestRequest request = IngestRequest.of(job);
        AtomicLong counted = new AtomicLong(client.calls());
        try {
            reference.ensureCalendar(request.startDate(), request.endDate());
            if (request.datasets().contains(Dataset.STOCK_BASIC)) {
                reference.ensureStockBasic();
            }
            if (request.datasets().contains(Dataset.NAMECHANGE)) {
                reference.ensureNameChanges(claim);
            }
            if (request.datasets().contains(Dataset.FINA_INDICATOR)) {
                List<String> codes = request.codesFor(Dataset.FINA_INDICATOR);
                if (codes.isEmpty()) {
                    reference.ensureStockBasic(); // the whole market is the stock list
                }
                fundamentals.ensure(claim, codes, request.startDate(), request.endDate());
            }
            if (request.datasets().contains(Dataset.INDEX_CLASSIFY) || request.datasets().contains(Dataset.INDEX_MEMBER)) {
                reference.ensureIndustries(claim);
            }
            List<LocalDate> openDays = calendar.days(request.startDate(), request.endDate()).stream()
                    .filter(TradingCalendar.Day::open).map(TradingCalendar.Day::date).toList();
            List<WorkUnit> units = new ArrayList<>();
            for (Dataset dataset : request.datasets()) {
                if (dataset.isQuotes()) {
                    List<String> codes = request.codesFor(dataset);
                    List<LocalDate> days = job.getOrigin() == IngestJob.Origin.CYCLE && codes.isEmpty()
                            ? withoutDeferred(dataset, openDays) : openDays;
                    units.addAll(planner.plan(dataset, codes, days));
                } else if (dataset == Dataset.INDEX_WEIGHT) {
                    units.addAll(IndexWeightPlan.months(request, coverage));
                }
            }
            // The fetched days are those of quote units: an index_weight month is no day's quotes.
            List<WorkUnit> quoteUnits = units.stream().filter(u -> u.dataset().isQuotes()).toList();
            jobs.planned(claim, units.size(), quoteUnits.stream().map(WorkUnit::from).min(LocalDate::compareTo).orElse(null),
                    quoteUnits.stream().map(WorkUnit::to).max(LocalDate::compareTo).orElse(null));
            log.info("Job {}: {} units to fetch ({} trading days, datasets {})", jobId, units.size(), openDays.size(),
                    request.datasets());
            Flux.fromIterable(units)
                    .flatMap(unit -> fetchAll(unit).publishOn(Schedulers.boundedElastic())
                            .doOnNext(table -> store(claim, unit, table, counted)), config.concurrency())
                    .then().block();
            ready(job, request);
        } finally {
            jobs.addCalls(claim, uncounted(counted));
        }
    }

    /** The days the cycle asks for: not those waiting for their next attempt, nor late ones. */
    private List<LocalDate> withoutDeferred(Dataset dataset, List<LocalDate> openDays) {
        if (openDays.isEmpty()) {
            return openDays;
        }
        Set<LocalDate> deferred = gaps.deferred(dataset.apiName(), openDays.get(0), openDays.get(openDays.size() - 1),
                clock.instant());
        return openDays.stream().filter(d -> !deferred.contains(d)).toList();
    }

    /** A unit's rows, every page of them. */
    Mono<TushareTable> fetchAll(WorkUnit unit) {
        return client.queryAll(unit.dataset().apiName(), unit.params(), unit.dataset().fields(), config.rowCap());
    }

    /** Calls made since the last count, so that progress shows calls as they happen. */
    private long uncounted(AtomicLong counted) {
        long now = client.calls();
        return now - counted.getAndSet(now);
    }

    private void store(JobQueue.Claim claim, WorkUnit unit, TushareTable table, AtomicLong counted) {
        UUID jobId = claim.jobId();
        tx.executeWithoutResult(status -> {
            jobs.addCalls(claim, uncounted(counted));
            DayWriters.Written written = writers.write(unit.dataset(), table);
            markCovered(unit, table.size() > 0);
            jobs.unitDone(claim, unit.dataset(), written.stored(), written.rejected());
            // The id names the job: a resumed job re-stores a unit under the same id (sent once), a
            // later job re-fetching the same days (a correction) is news.
            outbox.add(new MarketDataIngested(EventIds.of("market.data.ingested", jobId.toString(), unit.dataset().apiName(),
                    String.join(",", unit.codes()), unit.from().toString(), unit.to().toString()), MarketDataIngested.VERSION,
                    Instant.now(), jobId.toString(), unit.dataset().apiName(), unit.from(), unit.to(), written.touched(),
                    written.stored(), written.rejectedRows()));
        });
    }

    /**
     * Every unit of the job is stored: announce its days as complete, once per job. A job of the
     * API announces the range it was asked for; the daily cycle's, which asks for everything since
     * its start, announces only the days it fetched (none: no announcement), so that factors and
     * signals are recomputed for the new and re-fetched days, not for years of history each day.
     */
    private void ready(IngestJob job, IngestRequest request) {
        LocalDate from = request.startDate();
        LocalDate to = request.endDate();
        if (job.getOrigin() == IngestJob.Origin.CYCLE) {
            var fetched = jobs.fetched(job.getId());
            if (fetched.isEmpty()) {
                log.info("Job {}: the cycle fetched nothing new; no market.data.ready", job.getId());
                return;
            }
            from = fetched.get()[0];
            to = fetched.get()[1];
        }
        List<String> datasets = request.datasets().stream().map(Dataset::apiName).sorted().toList();
        MarketDataReady event = new MarketDataReady(MarketDataReady.idFor(job.getId().toString()), MarketDataReady.VERSION,
                Instant.now(), job.getId().toString(), from, to, datasets, request.tsCodes());
        tx.executeWithoutResult(status -> outbox.add(event));
        log.info("Job {}: market.data.ready {}..{} ({})", job.getId(), from, to, datasets);
    }

    /**
     * Covers what is complete: whole-market days before today that had rows (an empty one is a
     * gap, asked again later), and a stock's range up to yesterday.
     */
    private void markCovered(WorkUnit unit, boolean hadRows) {
        String dataset = unit.dataset().apiName();
        Instant now = clock.instant();
        LocalDate today = Publication.today(now);
        if (unit.wholeMarket()) {
            for (LocalDate day = unit.from(); !day.isAfter(unit.to()); day = day.plusDays(1)) {
                if (!hadRows && !unit.dataset().mayBeEmpty()) {
                    int attempts = gaps.attempts(dataset, day) + 1;
                    gaps.recordEmpty(dataset, day, now, publication.nextAttempt(attempts, now), publication.isLate(day, now));
                    log.info("{} {}: no rows yet (attempt {}); not covered", dataset, day, attempts);
                } else {
                    gaps.filled(dataset, day);
                    if (day.isBefore(today)) {
                        coverage.mark(dataset, CoverageStore.WHOLE_MARKET, day, day);
                    }
                }
            }
            return;
        }
        LocalDate to = unit.to().isBefore(today) ? unit.to() : today.minusDays(1);
        if (!to.isBefore(unit.from())) {
            unit.codes().forEach(code -> coverage.mark(dataset, code, unit.from(), to));
        }
    }
}
