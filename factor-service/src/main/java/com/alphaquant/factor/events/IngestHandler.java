package com.alphaquant.factor.events;

import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.market.TsCode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * market.data.ingested → recompute the affected stocks over the batch's dates and overwrite their
 * cache chunks, so the API serves the new data at once. Publishes nothing: one batch is one unit
 * of an ingest job whose other units (other datasets, days or stocks) may not be stored yet, so
 * its days are not complete. factors.computed is announced on market.data.ready
 * ({@link ReadyHandler}). A redelivered batch is skipped ({@link ProcessedEvents}).
 */
public class IngestHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestHandler.class);

    private final CachedFactors factors;
    private final PanelSource bars;
    private final ProcessedEvents processed;

    public IngestHandler(CachedFactors factors, PanelSource bars, ProcessedEvents processed) {
        this.factors = factors;
        this.bars = bars;
        this.processed = processed;
    }

    /** How many stocks' factors were refreshed (0 for a redelivery or a dataset without factors). */
    public int handle(MarketDataIngested event) {
        if (processed.contains(event.eventId())) {
            log.info("market.data.ingested {} already handled", event.eventId());
            return 0;
        }
        IngestImpact impact = IngestImpact.of(event);
        int refreshed = 0;
        if (!impact.isNone()) {
            List<TsCode> codes = impact.allStocks()
                    ? bars.securities().stream().map(PanelSource.Security::code).toList() : impact.codes();
            refreshed = factors.refresh(codes, event.startDate(), event.endDate()).size();
        }
        processed.add(event.eventId());
        log.info("market.data.ingested {} ({} {}..{}): {} stocks refreshed in the cache", event.eventId(), event.dataset(),
                event.startDate(), event.endDate(), refreshed);
        return refreshed;
    }
}
