package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * data-service finished an ingest job: every dataset it was asked for is stored for every
 * trading day of [startDate, endDate] (for {@code tsCodes}, or the whole market when empty).
 * Unlike {@link MarketDataIngested}, which announces one work unit of a job whose other units may
 * still be running, this says the days are complete, so consumers may compute from them. One per
 * job: the id is {@link #idFor(String) derived from the job id}. Keyed by {@link #KEY}, one key
 * for the market, so ready events are consumed in the order they were published.
 *
 * @param jobId    the ingest job that finished
 * @param datasets Tushare API names the job loaded, sorted, e.g. {@code [adj_factor, daily, index_daily]}
 * @param tsCodes  the stocks (and index codes) asked for; empty = the whole market
 */
public record MarketDataReady(String eventId, int schemaVersion, Instant occurredAt, String jobId, LocalDate startDate,
                              LocalDate endDate, List<String> datasets, List<String> tsCodes) implements Event {

    public static final int VERSION = 1;

    /** The one record key of ready events. */
    public static final String KEY = "market";

    public MarketDataReady {
        Require.version("market.data.ready", schemaVersion, VERSION);
        Require.text("market.data.ready", "eventId", eventId);
        Require.nonNull("market.data.ready", "occurredAt", occurredAt);
        Require.text("market.data.ready", "jobId", jobId);
        Require.nonNull("market.data.ready", "startDate", startDate);
        Require.nonNull("market.data.ready", "endDate", endDate);
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("market.data.ready.endDate " + endDate + " is before startDate " + startDate);
        }
        Require.nonNull("market.data.ready", "datasets", datasets);
        Require.tsCodes("market.data.ready", "tsCodes", tsCodes);
        datasets = List.copyOf(datasets);
        tsCodes = List.copyOf(tsCodes);
    }

    /** The event id of job {@code jobId}'s ready event: the same however often the job finishes. */
    public static String idFor(String jobId) {
        return EventIds.of(Topics.MARKET_DATA_READY, jobId);
    }

    /** True when the job covered the whole market rather than named stocks. */
    public boolean wholeMarket() {
        return tsCodes.isEmpty();
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String topic() {
        return Topics.MARKET_DATA_READY;
    }
}
