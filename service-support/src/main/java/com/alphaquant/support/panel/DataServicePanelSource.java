package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.data.DataServiceHttp;
import com.alphaquant.support.data.DataServiceRows;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's quote API ({@code /api/data/bars}, {@code /api/data/indices/{code}/bars},
 * {@code /api/data/securities}, {@code /api/data/st}, {@code /api/data/flows/north},
 * {@code /api/data/industries/memberships}) over {@link DataServiceHttp}. Bars are asked
 * unadjusted ({@code adjust=none}): they then carry Tushare's cumulative adj_factor, a constant
 * multiple of SPEC's adj_factor_rel, which keeps prices comparable across requests (the qfq base
 * moves with each ex-date). Many stocks come from the streamed panel endpoint
 * ({@code /api/data/bars/panel}) in one request or a few.
 */
public final class DataServicePanelSource implements PanelSource, AutoCloseable {

    /** data-service unreachable is a 503 for the client within 2 s, so connecting gets one. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SECURITIES_TTL = Duration.ofMinutes(5);
    /** data-service's caps on a panel request (docs/data-service.md). */
    static final int PANEL_MAX_CODES = 500;
    static final int PANEL_MAX_ALL_YEARS = 5;
    /** From here on one {@code ts_codes=all} request (rows of other stocks dropped while parsing) beats ≥ 4 lists. */
    static final int ALL_ABOVE = 3 * PANEL_MAX_CODES;
    /** A panel streams up to millions of rows: its whole exchange may take this many read timeouts. */
    static final int PANEL_TIMEOUT_FACTOR = 10;
    private static final String PANEL = "/api/data/bars/panel?ts_codes={codes}&start={start}&end={end}";
    /** Reads one array element at a time, so no trailing-token check. */
    private static final JsonMapper PANEL_JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final DataServiceHttp http;
    private final DataServiceHttp panelHttp;
    private final ExecutorService fetchers;
    private final Clock clock;
    private volatile List<Security> securities;
    private volatile Instant securitiesAt = Instant.MIN;

    /**
     * @param parallelism  panel requests at once when a load needs several
     * @param readTimeout  for each answer; a streamed panel gets {@value #PANEL_TIMEOUT_FACTOR} times as long
     */
    public DataServicePanelSource(ServiceCalls calls, String baseUrl, int parallelism, Duration readTimeout) {
        this(calls, baseUrl, parallelism, readTimeout, Clock.systemUTC());
    }

    /** Without the internal token or tracing: for tests and tools outside a service. */
    public DataServicePanelSource(String baseUrl, int parallelism, Duration readTimeout) {
        this(ServiceCalls.none(), baseUrl, parallelism, readTimeout, Clock.systemUTC());
    }

    DataServicePanelSource(ServiceCalls calls, String baseUrl, int parallelism, Duration readTimeout, Clock clock) {
        this.http = new DataServiceHttp(calls, baseUrl, CONNECT_TIMEOUT, readTimeout, PanelSourceUnavailableException::new);
        this.panelHttp = http.withReadTimeout(readTimeout.multipliedBy(PANEL_TIMEOUT_FACTOR));
        // The fetches run in the caller's trace (its observation travels with each task).
        this.fetchers = ContextExecutorService.wrap(Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "data-service-fetch");
            t.setDaemon(true);
            return t;
        }), CONTEXT::captureAll);
        this.clock = clock;
    }

    /** Cached a few minutes: {@code ts_codes=all} asks for it on every request. */
    @Override
    public List<Security> securities() {
        Instant now = clock.instant();
        if (securities == null || securitiesAt.plus(SECURITIES_TTL).isBefore(now)) {
            securities = rows("a security", http.getArray("/api/data/securities"), row -> {
                String code = row.path("tsCode").asString(null);
                return code != null && TsCode.isValid(code) && Board.isStock(TsCode.of(code))
                        ? new Security(TsCode.of(code), DataServiceRows.optionalDate(row, "listDate")) : null;
            });
            securitiesAt = now;
        }
        return securities;
    }

    /**
     * One stock: {@code /api/data/bars}. More: {@code /api/data/bars/panel}, streamed and parsed
     * row by row, as one request per {@value #PANEL_MAX_CODES} codes (in parallel) or, above
     * {@value #ALL_ABOVE} codes, as {@code ts_codes=all} filtered here (one request per
     * {@value #PANEL_MAX_ALL_YEARS} years of range): a cold whole-market load is one request,
     * not one per stock.
     */
    @Override
    public List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        Set<TsCode> distinct = new TreeSet<>(codes);
        if (distinct.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        if (distinct.size() == 1) {
            return rows("a bar", http.getArray("/api/data/bars?ts_code={code}&start={start}&end={end}&adjust=none",
                    distinct.iterator().next(), from, to), DataServiceRows::bar);
        }
        List<Callable<List<Bar>>> requests = new ArrayList<>();
        if (distinct.size() > ALL_ABOVE) {
            Set<String> wanted = new HashSet<>();
            distinct.forEach(c -> wanted.add(c.toString()));
            for (LocalDate lo = from; !lo.isAfter(to); lo = lo.plusYears(PANEL_MAX_ALL_YEARS)) {
                LocalDate start = lo;
                LocalDate end = min(to, lo.plusYears(PANEL_MAX_ALL_YEARS).minusDays(1));
                requests.add(() -> panel("all", start, end, wanted));
            }
        } else {
            List<TsCode> sorted = new ArrayList<>(distinct);
            for (int i = 0; i < sorted.size(); i += PANEL_MAX_CODES) {
                String chunk = sorted.subList(i, Math.min(sorted.size(), i + PANEL_MAX_CODES)).stream()
                        .map(TsCode::toString).collect(Collectors.joining(","));
                requests.add(() -> panel(chunk, from, to, null));
            }
        }
        return runAll(requests);
    }

    private List<Bar> runAll(List<Callable<List<Bar>>> requests) {
        if (requests.size() == 1) {
            try {
                return requests.get(0).call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new PanelSourceUnavailableException("Fetching bars failed", e);
            }
        }
        List<Future<List<Bar>>> pending = new ArrayList<>();
        requests.forEach(r -> pending.add(fetchers.submit(r)));
        List<Bar> out = new ArrayList<>();
        try {
            for (Future<List<Bar>> f : pending) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanelSourceUnavailableException("Interrupted while fetching bars", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r
                    : new PanelSourceUnavailableException("Fetching bars failed", e.getCause());
        }
        return out;
    }

    /**
     * One panel request, parsed as it streams in (no array of the whole answer in memory);
     * {@code keep} null keeps every row.
     */
    private List<Bar> panel(String tsCodes, LocalDate from, LocalDate to, Set<String> keep) {
        String what = "the bar panel of " + (tsCodes.length() > 40 ? tsCodes.substring(0, 40) + "…" : tsCodes) + " " + from
                + ".." + to;
        return panelHttp.stream(PANEL, body -> readPanel(body, keep, what), tsCodes, from, to);
    }

    /** A body cut short fails: its JSON array never closes. */
    private static List<Bar> readPanel(InputStream body, Set<String> keep, String what) {
        List<Bar> out = new ArrayList<>();
        try (JsonParser parser = PANEL_JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new PanelSourceUnavailableException("data-service sent no JSON array for " + what);
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = PANEL_JSON.readTree(parser);
                if (keep == null || keep.contains(row.path("tsCode").asString(null))) {
                    out.add(DataServiceRows.bar(row));
                }
            }
            if (!parser.hasToken(JsonToken.END_ARRAY)) {
                throw new PanelSourceUnavailableException("data-service sent a malformed panel for " + what);
            }
        } catch (JacksonException e) {
            // Truncated (a failure mid-stream) or malformed: data-service's fault, not the client's.
            throw new PanelSourceUnavailableException("data-service sent a broken panel for " + what + ": "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PanelSourceUnavailableException("data-service sent an invalid bar: " + e.getMessage(), e);
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public List<Bar> benchmarkBars(LocalDate from, LocalDate to) {
        return rows("a bar", http.getArray("/api/data/indices/{code}/bars?start={start}&end={end}", PanelInput.BENCHMARK,
                from, to), DataServiceRows::bar);
    }

    /**
     * The stored northbound flow in [from, to] ({@code /api/data/flows/north}, Tushare
     * moneyflow_hsgt in millions of CNY), one request; days data-service has no row for are
     * absent and an unpublished north_money is NaN, so NORTH_FLOW_Z has no value on them.
     */
    @Override
    public MarketSeries northFlow(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Double> byDate = new TreeMap<>();
        rows("a flow", http.getArray("/api/data/flows/north?start={start}&end={end}", from, to), row -> {
            JsonNode north = row.path("northMoney");
            return new SimpleImmutableEntry<>(DataServiceRows.date(row, "tradeDate"), north.isNumber() ? north.asDouble() : null);
        }).forEach(day -> byDate.put(day.getKey(), day.getValue()));
        try {
            return MarketSeries.byDate(byDate);
        } catch (IllegalArgumentException e) {
            throw new PanelSourceUnavailableException("data-service sent an invalid flow: " + e.getMessage(), e);
        }
    }

    /** One request for every stock's ST episodes in the range; 409 (namechange never ingested) fails the load. */
    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        return StHistory.ofEpisodes(rows("an ST episode", http.getArray("/api/data/st?start={start}&end={end}", from, to),
                DataServiceRows::stEpisode));
    }

    /** Every stored membership with its dates, in one request; 409 (never ingested) fails the evaluation. */
    @Override
    public IndustryClassification industries() {
        List<IndustryMembership> rows = rows("an industry membership", http.getArray("/api/data/industries/memberships"),
                DataServiceRows::industryMembership);
        return new IndustryClassification(rows);
    }

    /** Each row read by {@code read} (null: skipped); a row that cannot be used is data-service's fault, not the client's. */
    private static <T> List<T> rows(String what, JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode row : array) {
            T value;
            try {
                value = read.apply(row);
            } catch (RuntimeException e) {
                throw new PanelSourceUnavailableException("data-service sent " + what + " that cannot be used: " + e.getMessage(), e);
            }
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
