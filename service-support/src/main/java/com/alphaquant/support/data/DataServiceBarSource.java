package com.alphaquant.support.data;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.backtest.data.DataUnavailableException;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.support.calls.ServiceCalls;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * libs/backtest's bars from data-service's quote API (raw prices, {@code adjust=none}, with its adjustment factors):
 * {@code /api/data/bars}, {@code /api/data/indices/{code}/bars}, {@code /api/data/securities},
 * {@code /api/data/calendar}, {@code /api/data/st} (ST episodes from the stored namechange history) and
 * {@code /api/data/limits} (the stored stk_limit rows). Every call has a connect and a read timeout ({@link DataServiceHttp}); an unreachable service,
 * an error status or an unreadable body fails with a {@link DataUnavailableException} that names
 * the call.
 */
public final class DataServiceBarSource implements BarSource {

    private final String baseUrl;
    private final DataServiceHttp http;

    /** Most codes data-service takes in one {@code ts_codes} list. */
    public static final int CODES_PER_CALL = 500;

    /** Without the internal token or tracing: for tests and tools outside a service. */
    public DataServiceBarSource(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(ServiceCalls.none(), baseUrl, connectTimeout, readTimeout);
    }

    public DataServiceBarSource(ServiceCalls calls, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.http = new DataServiceHttp(calls, baseUrl, connectTimeout, readTimeout, DataUnavailableException::new);
        this.baseUrl = http.baseUrl();
    }

    @Override
    public String describe() {
        return "data-service " + baseUrl;
    }

    @Override
    public TradingCalendar calendar(LocalDate from, LocalDate to) {
        JsonNode rows = http.getArray("/api/data/calendar?start={start}&end={end}", from, to);
        List<TradingCalendar.Day> days = new ArrayList<>();
        for (JsonNode row : rows) {
            days.add(new TradingCalendar.Day(DataServiceRows.date(row, "date"), row.path("open").asBoolean()));
        }
        if (days.isEmpty()) {
            throw new DataUnavailableException("data-service at " + baseUrl + " has no trading calendar between " + from
                    + " and " + to + ": ingest trade_cal first");
        }
        return TradingCalendar.of(days);
    }

    @Override
    public Map<TsCode, LocalDate> listDates() {
        Map<TsCode, LocalDate> dates = new HashMap<>();
        for (JsonNode row : http.getArray("/api/data/securities")) {
            String code = DataServiceRows.text(row, "tsCode");
            String listed = row.path("listDate").asString(null);
            if (TsCode.isValid(code) && listed != null) {
                dates.put(TsCode.of(code), LocalDate.parse(listed));
            }
        }
        return dates;
    }

    @Override
    public List<Bar> bars(TsCode stock, LocalDate from, LocalDate to) {
        return toBars(http.getArray("/api/data/bars?ts_code={code}&start={start}&end={end}&adjust=none", stock, from, to), stock);
    }

    @Override
    public List<Bar> indexBars(TsCode index, LocalDate from, LocalDate to) {
        return toBars(http.getArray("/api/data/indices/{code}/bars?start={start}&end={end}", index, from, to), index);
    }

    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        List<StHistory.Episode> episodes = new ArrayList<>();
        for (JsonNode row : http.getArray("/api/data/st?start={start}&end={end}", from, to)) {
            try {
                episodes.add(DataServiceRows.stEpisode(row));
            } catch (RuntimeException e) {
                throw new DataUnavailableException("data-service at " + baseUrl + " returned an ST episode that cannot be used: "
                        + e.getMessage(), e);
            }
        }
        return StHistory.ofEpisodes(episodes);
    }

    /**
     * The constituents in force on {@code from} and at each later publication up to {@code to}
     * ({@code /api/data/indices/{code}/weights}).
     */
    @Override
    public List<IndexWeight> indexWeights(TsCode index, LocalDate from, LocalDate to) {
        List<IndexWeight> rows = new ArrayList<>();
        for (JsonNode row : http.getArray("/api/data/indices/{code}/weights?start={start}&end={end}", index, from, to)) {
            try {
                rows.add(new IndexWeight(index, TsCode.of(DataServiceRows.text(row, "conCode")), DataServiceRows.date(row, "tradeDate"),
                        DataServiceRows.number(row, "weight")));
            } catch (RuntimeException e) {
                throw new DataUnavailableException("data-service at " + baseUrl + " returned an index weight of " + index
                        + " that cannot be used: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * The stored stk_limit rows of the stocks ({@code /api/data/limits}, in lists of at most
     * {@value #CODES_PER_CALL} codes); an empty answer means none stored, not "no limits".
     */
    @Override
    public List<ExchangeLimit> exchangeLimits(Collection<TsCode> stocks, LocalDate from, LocalDate to) {
        List<String> codes = stocks.stream().map(TsCode::toString).sorted().toList();
        List<ExchangeLimit> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_CALL) {
            String chunk = String.join(",", codes.subList(i, Math.min(codes.size(), i + CODES_PER_CALL)));
            for (JsonNode row : http.getArray("/api/data/limits?ts_codes={codes}&start={start}&end={end}", chunk, from, to)) {
                try {
                    JsonNode pre = row.path("preClose");
                    rows.add(new ExchangeLimit(TsCode.of(DataServiceRows.text(row, "tsCode")), DataServiceRows.date(row, "tradeDate"),
                            pre.isNumber() ? pre.asDouble() : Double.NaN, DataServiceRows.number(row, "upLimit"), DataServiceRows.number(row, "downLimit")));
                } catch (RuntimeException e) {
                    throw new DataUnavailableException("data-service at " + baseUrl + " returned an exchange limit that cannot be used: "
                            + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    /** Every membership data-service stores (GET /api/data/industries/memberships). */
    @Override
    public IndustryClassification industries() {
        List<IndustryMembership> rows = new ArrayList<>();
        for (JsonNode row : http.getArray("/api/data/industries/memberships")) {
            try {
                rows.add(DataServiceRows.industryMembership(row));
            } catch (RuntimeException e) {
                throw new DataUnavailableException("data-service at " + baseUrl + " returned an industry membership that cannot be used: "
                        + e.getMessage(), e);
            }
        }
        return new IndustryClassification(rows);
    }

    private List<Bar> toBars(JsonNode rows, TsCode code) {
        List<Bar> bars = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            try {
                bars.add(DataServiceRows.bar(row));
            } catch (RuntimeException e) {
                throw new DataUnavailableException("data-service at " + baseUrl + " returned a bar of " + code
                        + " that cannot be used: " + e.getMessage(), e);
            }
        }
        bars.sort((a, b) -> a.tradeDate().compareTo(b.tradeDate()));
        return bars;
    }
}
