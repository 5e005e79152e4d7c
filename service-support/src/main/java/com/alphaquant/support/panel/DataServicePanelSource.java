package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's quote API ({@code /api/data/bars}, {@code /api/data/indices/{code}/bars},
 * {@code /api/data/securities}, {@code /api/data/st}, {@code /api/data/flows/north}). Bars are asked unadjusted ({@code adjust=none}): they then carry
 * Tushare's cumulative adj_factor, a constant multiple of SPEC's adj_factor_rel, which keeps
 * prices comparable across requests (the qfq base moves with each ex-date). Many stocks come
 * from the streamed panel endpoint ({@code /api/data/bars/panel}) in one request or a few.
 */
public final class DataServicePanelSource implements PanelSource, AutoCloseable {

    /** data-service's bar view (Tushare units). */
    record BarView(String tsCode, LocalDate tradeDate, double open, double high, double low, double close,
                   double preClose, double vol, double amount, Double adjFactor) {

        Bar toBar() {
            return new Bar(TsCode.of(tsCode), tradeDate, open, high, low, close, preClose, vol, amount,
                    adjFactor == null ? Double.NaN : adjFactor);
        }
    }

    record SecurityView(String tsCode, LocalDate listDate) {
    }

    /** data-service's ST episode: the days a stock bore one ST name ({@code endDate} null: still ST). */
    record MembershipView(String industryCode, String name, String tsCode, LocalDate inDate, LocalDate outDate) {
    }

    record EpisodeView(String tsCode, String name, LocalDate startDate, LocalDate endDate) {
    }

    /** data-service's northbound flow day (Tushare moneyflow_hsgt, millions of CNY; null: not published). */
    record FlowView(LocalDate tradeDate, Double hgt, Double sgt, Double northMoney, Double ggtSs, Double ggtSz,
                    Double southMoney) {
    }

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
    /** Reads one array element at a time (so no trailing-token check); tolerates fields added later. */
    private static final JsonMapper PANEL_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final RestClient http;
    private final RestClient panelHttp;
    private final ExecutorService fetchers;
    private final Clock clock;
    private volatile List<Security> securities;
    private volatile Instant securitiesAt = Instant.MIN;

    public DataServicePanelSource(String baseUrl, int parallelism, Duration readTimeout) {
        this(baseUrl, parallelism, readTimeout, Clock.systemUTC());
    }

    DataServicePanelSource(String baseUrl, int parallelism, Duration readTimeout, Clock clock) {
        // Built directly: Boot 4 provides no RestClient.Builder bean without spring-boot-restclient.
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
        // The JDK client's read timeout bounds the whole exchange, body included.
        JdkClientHttpRequestFactory panelRequests = new JdkClientHttpRequestFactory(client);
        panelRequests.setReadTimeout(readTimeout.multipliedBy(PANEL_TIMEOUT_FACTOR));
        this.panelHttp = RestClient.builder().baseUrl(baseUrl).requestFactory(panelRequests).build();
        this.fetchers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "data-service-fetch");
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    /** Cached a few minutes: {@code ts_codes=all} asks for it on every request. */
    @Override
    public List<Security> securities() {
        Instant now = clock.instant();
        if (securities == null || securitiesAt.plus(SECURITIES_TTL).isBefore(now)) {
            SecurityView[] views = call("securities", () -> http.get().uri("/api/data/securities").retrieve()
                    .body(SecurityView[].class));
            List<Security> list = new ArrayList<>();
            for (SecurityView v : views == null ? new SecurityView[0] : views) {
                if (TsCode.isValid(v.tsCode()) && Board.isStock(TsCode.of(v.tsCode()))) {
                    list.add(new Security(TsCode.of(v.tsCode()), v.listDate()));
                }
            }
            securities = List.copyOf(list);
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
            return bars("/api/data/bars?ts_code={code}&start={start}&end={end}&adjust=none", distinct.iterator().next(),
                    from, to);
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
     * {@code keep} null keeps every row. A body cut short fails: its JSON array never closes.
     */
    private List<Bar> panel(String tsCodes, LocalDate from, LocalDate to, Set<String> keep) {
        String what = "the bar panel of " + (tsCodes.length() > 40 ? tsCodes.substring(0, 40) + "…" : tsCodes) + " " + from
                + ".." + to;
        return call(what, () -> panelHttp.get()
                .uri(u -> u.path("/api/data/bars/panel").query("ts_codes=" + tsCodes)
                        .queryParam("start", from.toString()).queryParam("end", to.toString()).build())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw new PanelSourceUnavailableException("data-service answered " + response.getStatusCode().value()
                                + " for " + what);
                    }
                    return readPanel(response.getBody(), keep, what);
                }));
    }

    private static List<Bar> readPanel(InputStream body, Set<String> keep, String what) {
        List<Bar> out = new ArrayList<>();
        try (JsonParser parser = PANEL_JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new PanelSourceUnavailableException("data-service sent no JSON array for " + what);
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                BarView v = PANEL_JSON.readValue(parser, BarView.class);
                if (keep == null || keep.contains(v.tsCode())) {
                    out.add(v.toBar());
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
        return bars("/api/data/indices/{code}/bars?start={start}&end={end}", PanelInput.BENCHMARK, from, to);
    }

    private List<Bar> bars(String uri, TsCode code, LocalDate from, LocalDate to) {
        BarView[] views = call("bars of " + code, () -> http.get().uri(uri, code.toString(), from.toString(), to.toString())
                .retrieve().body(BarView[].class));
        List<Bar> out = new ArrayList<>(views == null ? 0 : views.length);
        for (BarView v : views == null ? new BarView[0] : views) {
            try {
                out.add(v.toBar());
            } catch (IllegalArgumentException e) {
                // data-service's fault, not the client's: not a 400
                throw new PanelSourceUnavailableException("data-service sent an invalid bar: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new PanelSourceUnavailableException("data-service did not answer for " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored northbound flow in [from, to] ({@code /api/data/flows/north}), one request;
     * days data-service has no row for are absent, so NORTH_FLOW_Z has no value on them.
     */
    @Override
    public MarketSeries northFlow(LocalDate from, LocalDate to) {
        FlowView[] views = call("the northbound flow " + from + ".." + to, () -> http.get()
                .uri("/api/data/flows/north?start={start}&end={end}", from.toString(), to.toString()).retrieve()
                .body(FlowView[].class));
        TreeMap<LocalDate, Double> byDate = new TreeMap<>();
        for (FlowView v : views == null ? new FlowView[0] : views) {
            byDate.put(v.tradeDate(), v.northMoney());
        }
        try {
            return MarketSeries.byDate(byDate);
        } catch (IllegalArgumentException e) {
            throw new PanelSourceUnavailableException("data-service sent an invalid flow: " + e.getMessage(), e);
        }
    }

    /** One request for every stock's ST episodes in the range; 409 (namechange never ingested) fails the load. */
    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        EpisodeView[] views = call("the ST history " + from + ".." + to, () -> http.get()
                .uri("/api/data/st?start={start}&end={end}", from.toString(), to.toString()).retrieve().body(EpisodeView[].class));
        List<StHistory.Episode> episodes = new ArrayList<>();
        try {
            for (EpisodeView v : views == null ? new EpisodeView[0] : views) {
                episodes.add(new StHistory.Episode(TsCode.of(v.tsCode()), v.name(), v.startDate(), v.endDate()));
            }
            return StHistory.ofEpisodes(episodes);
        } catch (IllegalArgumentException e) {
            throw new PanelSourceUnavailableException("data-service sent an invalid ST episode: " + e.getMessage(), e);
        }
    }

    /** Every stored membership with its dates, in one request; 409 (never ingested) fails the evaluation. */
    @Override
    public IndustryClassification industries() {
        MembershipView[] views = call("the industry classification", () -> http.get()
                .uri("/api/data/industries/memberships").retrieve().body(MembershipView[].class));
        List<IndustryMembership> rows = new ArrayList<>();
        try {
            for (MembershipView v : views == null ? new MembershipView[0] : views) {
                rows.add(new IndustryMembership(v.industryCode(), v.name(), TsCode.of(v.tsCode()), v.inDate(), v.outDate()));
            }
            return new IndustryClassification(rows);
        } catch (IllegalArgumentException e) {
            throw new PanelSourceUnavailableException("data-service sent an invalid industry membership: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
