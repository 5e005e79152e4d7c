package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * data-service committed a batch of rows of one dataset. Keyed by the batch's last trade date,
 * so the batches of one day stay in order.
 *
 * @param dataset   Tushare API name, e.g. {@code daily}, {@code adj_factor}
 * @param tsCodes   the stocks the batch touched
 * @param rows      rows stored (after cleaning)
 * @param rejected  rows rejected by validation
 */
public record MarketDataIngested(String eventId, int schemaVersion, Instant occurredAt, String jobId, String dataset,
                                 LocalDate startDate, LocalDate endDate, List<String> tsCodes, long rows, long rejected)
        implements Event {

    public static final int VERSION = 1;

    public MarketDataIngested {
        Require.version("market.data.ingested", schemaVersion, VERSION);
        Require.text("market.data.ingested", "eventId", eventId);
        Require.nonNull("market.data.ingested", "occurredAt", occurredAt);
        Require.text("market.data.ingested", "dataset", dataset);
        Require.nonNull("market.data.ingested", "startDate", startDate);
        Require.nonNull("market.data.ingested", "endDate", endDate);
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("market.data.ingested.endDate " + endDate + " is before startDate " + startDate);
        }
        Require.tsCodes("market.data.ingested", "tsCodes", tsCodes);
        tsCodes = List.copyOf(tsCodes);
    }

    @Override
    public String key() {
        return endDate.toString();
    }

    @Override
    public String topic() {
        return Topics.MARKET_DATA_INGESTED;
    }
}
