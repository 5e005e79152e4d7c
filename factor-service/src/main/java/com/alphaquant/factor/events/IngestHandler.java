package com.alphaquant.factor.events;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.events.Topics;
import com.alphaquant.factor.bars.BarSource;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.TsCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * market.data.ingested → recompute the affected stocks over the batch's dates, overwrite their
 * cache chunks, and announce one factors.computed per trade date (keyed by date, as
 * strategy-service consumes them). Each announcement's id is derived from the ingest event's id
 * and the date, so a redelivery that gets this far republishes the very same events; the id is
 * recorded as processed only after every send is acknowledged, so a crash in between repeats
 * the work rather than losing it.
 */
public class IngestHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestHandler.class);

    private final CachedFactors factors;
    private final BarSource bars;
    private final ProcessedEvents processed;
    private final EventPublisher publisher;
    private final Clock clock;

    public IngestHandler(CachedFactors factors, BarSource bars, ProcessedEvents processed, EventPublisher publisher,
                         Clock clock) {
        this.factors = factors;
        this.bars = bars;
        this.processed = processed;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The factors.computed events published (empty for a redelivery or a dataset without factors). */
    public List<FactorsComputed> handle(MarketDataIngested event) {
        if (processed.contains(event.eventId())) {
            log.info("market.data.ingested {} already handled: nothing to publish", event.eventId());
            return List.of();
        }
        IngestImpact impact = IngestImpact.of(event);
        List<FactorsComputed> out = new ArrayList<>();
        if (!impact.isNone()) {
            List<TsCode> codes = impact.allStocks()
                    ? bars.securities().stream().map(BarSource.Security::code).toList() : impact.codes();
            Map<TsCode, StockFactors> fresh = factors.refresh(codes, event.startDate(), event.endDate());
            for (Map.Entry<Integer, List<String>> day : codesByDate(fresh).entrySet()) {
                out.add(announce(event, day.getKey(), day.getValue()));
            }
            for (FactorsComputed e : out) {
                publisher.publish(e);
            }
        }
        processed.add(event.eventId());
        log.info("market.data.ingested {} ({} {}..{}): {} factors.computed", event.eventId(), event.dataset(),
                event.startDate(), event.endDate(), out.size());
        return out;
    }

    private FactorsComputed announce(MarketDataIngested cause, int date, List<String> codes) {
        var day = DateInts.toLocalDate(date);
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
}
