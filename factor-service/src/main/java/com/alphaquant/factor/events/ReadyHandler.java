package com.alphaquant.factor.events;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * market.data.ready → the job's days are complete: recompute the job's stocks (the whole market
 * when it named none) over [start, end] from the now complete data, overwrite their cache chunks,
 * and, for a whole-market job, announce one factors.computed per trade date that has factors, in
 * date order, all under one key (so strategy-service sees them in order and only once a day is
 * complete). A job for named stocks completes their data, not the market's day: it refreshes
 * their factors and announces nothing. The range is
 * worked a month at a time, announcing each month's days before computing the next, so a
 * multi-year backfill does not hold every panel at once.
 *
 * <p>Recomputing rather than reading the cache matters: a chunk computed between two units of
 * the job (a cache miss after daily was stored but before adj_factor or the benchmark was) is
 * stale. Each announcement's id is derived from the ready event's id, the date and the engine
 * version, so a redelivery that gets this far republishes the very same events; the ready id is
 * recorded as processed only after every send is acknowledged.
 */
public class ReadyHandler {

    private static final Logger log = LoggerFactory.getLogger(ReadyHandler.class);

    private final CachedFactors factors;
    private final PanelSource bars;
    private final ProcessedEvents processed;
    private final EventPublisher publisher;
    private final Clock clock;

    public ReadyHandler(CachedFactors factors, PanelSource bars, ProcessedEvents processed, EventPublisher publisher,
                        Clock clock) {
        this.factors = factors;
        this.bars = bars;
        this.processed = processed;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The factors.computed events published, in date order (empty for a redelivery or a job without factor inputs). */
    public List<FactorsComputed> handle(MarketDataReady event) {
        if (processed.contains(event.eventId())) {
            log.info("market.data.ready {} already handled: nothing to publish", event.eventId());
            return List.of();
        }
        boolean wholeMarket = wholeMarket(event);
        List<TsCode> codes = stocks(event, wholeMarket);
        List<FactorsComputed> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(event.startDate()); !codes.isEmpty() && !m.isAfter(YearMonth.from(event.endDate()));
             m = m.plusMonths(1)) {
            Map<TsCode, StockFactors> fresh = factors.refresh(codes, max(m.atDay(1), event.startDate()),
                    min(m.atEndOfMonth(), event.endDate()));
            // Only a whole-market job completes a market day: percentile ranks are taken over every
            // stock with data that day, so a job for a few stocks refreshes their factors quietly.
            if (wholeMarket) {
                for (Map.Entry<Integer, List<String>> day : codesByDate(fresh).entrySet()) {
                    FactorsComputed e = announce(event, day.getKey(), day.getValue());
                    publisher.publish(e);
                    out.add(e);
                }
            }
        }
        processed.add(event.eventId());
        log.info("market.data.ready {} (job {}, {}..{}, {}): {} factors.computed", event.eventId(), event.jobId(),
                event.startDate(), event.endDate(), event.datasets(), out.size());
        return out;
    }

    /** The stocks whose factors the job completed: those it named, or every stock. */
    private List<TsCode> stocks(MarketDataReady event, boolean wholeMarket) {
        if (event.datasets().stream().noneMatch(d -> IngestImpact.STOCK_DATASETS.contains(d) || IngestImpact.MARKET_DATASETS.contains(d))) {
            return List.of();
        }
        if (wholeMarket) {
            return bars.securities().stream().map(PanelSource.Security::code).toList();
        }
        return named(event);
    }

    /** A job for every stock, or for market-wide series only (the benchmark, northbound flow). */
    private static boolean wholeMarket(MarketDataReady event) {
        boolean market = event.datasets().stream().anyMatch(IngestImpact.MARKET_DATASETS::contains);
        return event.wholeMarket() || named(event).isEmpty() && market;
    }

    private static List<TsCode> named(MarketDataReady event) {
        return event.tsCodes().stream().map(TsCode::of).filter(c -> Board.of(c) != Board.INDEX).toList();
    }

    private FactorsComputed announce(MarketDataReady cause, int date, List<String> codes) {
        LocalDate day = DateInts.toLocalDate(date);
        String id = EventIds.of(Topics.FACTORS_COMPUTED, cause.eventId(), day.toString(), FactorEngine.VERSION);
        return new FactorsComputed(id, FactorsComputed.VERSION, clock.instant(), day, codes, FactorRegistry.names(),
                FactorEngine.VERSION);
    }

    private static Map<Integer, List<String>> codesByDate(Map<TsCode, StockFactors> fresh) {
        Map<Integer, List<String>> byDate = new TreeMap<>();
        new TreeMap<>(fresh).forEach((code, s) -> {
            for (int d : s.dates()) {
                byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(code.toString());
            }
        });
        return byDate;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
