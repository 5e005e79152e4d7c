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
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bars from data-service's quote API (raw prices, {@code adjust=none}, with its adjustment factors):
 * {@code /api/data/bars}, {@code /api/data/indices/{code}/bars}, {@code /api/data/securities},
 * {@code /api/data/calendar}, {@code /api/data/st} (ST episodes from the stored namechange history) and
 * {@code /api/data/limits} (the stored stk_limit rows). Every call has a connect and a read timeout; an unreachable service,
 * an error status or an unreadable body fails with a {@link DataUnavailableException} that names
 * the call.
 */
public final class DataServiceBarSource implements BarSource {

    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Most codes data-service takes in one {@code ts_codes} list. */
    public static final int CODES_PER_CALL = 500;

    public DataServiceBarSource(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(this.baseUrl).requestFactory(requests).build();
    }

    @Override
    public String describe() {
        return "data-service " + baseUrl;
    }

    @Override
    public TradingCalendar calendar(LocalDate from, LocalDate to) {
        JsonNode rows = get("/api/data/calendar?start={start}&end={end}", from, to);
        List<TradingCalendar.Day> days = new ArrayList<>();
        for (JsonNode row : rows) {
            days.add(new TradingCalendar.Day(LocalDate.parse(text(row, "date")), row.path("open").asBoolean()));
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
        for (JsonNode row : get("/api/data/securities")) {
            String code = text(row, "tsCode");
            String listed = row.path("listDate").asString(null);
            if (TsCode.isValid(code) && listed != null) {
                dates.put(TsCode.of(code), LocalDate.parse(listed));
            }
        }
        return dates;
    }

    @Override
    public List<Bar> bars(TsCode stock, LocalDate from, LocalDate to) {
        return toBars(get("/api/data/bars?ts_code={code}&start={start}&end={end}&adjust=none", stock, from, to), stock);
    }

    @Override
    public List<Bar> indexBars(TsCode index, LocalDate from, LocalDate to) {
        return toBars(get("/api/data/indices/{code}/bars?start={start}&end={end}", index, from, to), index);
    }

    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        List<StHistory.Episode> episodes = new ArrayList<>();
        for (JsonNode row : get("/api/data/st?start={start}&end={end}", from, to)) {
            try {
                String last = row.path("endDate").asString(null);
                episodes.add(new StHistory.Episode(TsCode.of(text(row, "tsCode")), text(row, "name"),
                        LocalDate.parse(text(row, "startDate")), last == null ? null : LocalDate.parse(last)));
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
        for (JsonNode row : get("/api/data/indices/{code}/weights?start={start}&end={end}", index, from, to)) {
            try {
                rows.add(new IndexWeight(index, TsCode.of(text(row, "conCode")), LocalDate.parse(text(row, "tradeDate")),
                        number(row, "weight")));
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
            for (JsonNode row : get("/api/data/limits?ts_codes={codes}&start={start}&end={end}", chunk, from, to)) {
                try {
                    JsonNode pre = row.path("preClose");
                    rows.add(new ExchangeLimit(TsCode.of(text(row, "tsCode")), LocalDate.parse(text(row, "tradeDate")),
                            pre.isNumber() ? pre.asDouble() : Double.NaN, number(row, "upLimit"), number(row, "downLimit")));
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
        for (JsonNode row : get("/api/data/industries/memberships")) {
            try {
                String out = row.path("outDate").asString(null);
                rows.add(new IndustryMembership(text(row, "industryCode"), text(row, "name"), TsCode.of(text(row, "tsCode")),
                        LocalDate.parse(text(row, "inDate")), out == null ? null : LocalDate.parse(out)));
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
                JsonNode adj = row.path("adjFactor");
                bars.add(new Bar(TsCode.of(text(row, "tsCode")), LocalDate.parse(text(row, "tradeDate")),
                        number(row, "open"), number(row, "high"), number(row, "low"), number(row, "close"),
                        number(row, "preClose"), number(row, "vol"), number(row, "amount"),
                        adj.isNumber() ? adj.asDouble() : Double.NaN));
            } catch (RuntimeException e) {
                throw new DataUnavailableException("data-service at " + baseUrl + " returned a bar of " + code
                        + " that cannot be used: " + e.getMessage(), e);
            }
        }
        bars.sort((a, b) -> a.tradeDate().compareTo(b.tradeDate()));
        return bars;
    }

    private JsonNode get(String uri, Object... variables) {
        String call = "GET " + uri.replaceAll("\\?.*", "");
        byte[] body;
        try {
            body = http.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON).retrieve().body(byte[].class);
        } catch (ResourceAccessException e) {
            throw new DataUnavailableException("data-service at " + baseUrl + " is unreachable or did not answer in time (" + call + "): "
                    + why(e), e);
        } catch (RestClientResponseException e) {
            String detail = e.getResponseBodyAsString();
            throw new DataUnavailableException("data-service at " + baseUrl + " answered " + e.getStatusCode().value() + " to " + call
                    + (detail.isBlank() ? "" : ": " + abbreviate(detail)), e);
        } catch (RestClientException e) {
            throw new DataUnavailableException("data-service at " + baseUrl + " failed on " + call + ": " + e.getMessage(), e);
        }
        try {
            JsonNode tree = json.readTree(body == null ? new byte[0] : body);
            if (tree == null || !tree.isArray()) {
                throw new DataUnavailableException("data-service at " + baseUrl + " answered " + call + " without a JSON array");
            }
            return tree;
        } catch (JacksonException e) {
            throw new DataUnavailableException("data-service at " + baseUrl + " answered " + call + " with unreadable JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The JDK client's I/O failures carry no messages: name them. */
    private String why(ResourceAccessException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + connectTimeout;
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + readTimeout;
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
        }
        Throwable root = e.getMostSpecificCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v.asString();
    }

    private static double number(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is not a number");
        }
        return v.asDouble();
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
