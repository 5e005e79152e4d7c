package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * factor-service computed the factors of these stocks for this trade date from complete data
 * (published on {@link MarketDataReady}, once the ingest job that loaded the day finished; values
 * are in its cache and API). Keyed by {@link #KEY}, one key for the market, so that all days are
 * on one partition and consumers see them in date order.
 *
 * @param engineVersion the factor engine version, part of every cache key
 */
public record FactorsComputed(String eventId, int schemaVersion, Instant occurredAt, LocalDate tradeDate,
                              List<String> tsCodes, List<String> factors, String engineVersion) implements Event {

    public static final int VERSION = 1;

    /** The one record key of factors.computed events. */
    public static final String KEY = "market";

    public FactorsComputed {
        Require.version("factors.computed", schemaVersion, VERSION);
        Require.text("factors.computed", "eventId", eventId);
        Require.nonNull("factors.computed", "occurredAt", occurredAt);
        Require.nonNull("factors.computed", "tradeDate", tradeDate);
        Require.tsCodes("factors.computed", "tsCodes", tsCodes);
        Require.nonNull("factors.computed", "factors", factors);
        Require.text("factors.computed", "engineVersion", engineVersion);
        tsCodes = List.copyOf(tsCodes);
        factors = List.copyOf(factors);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String topic() {
        return Topics.FACTORS_COMPUTED;
    }
}
