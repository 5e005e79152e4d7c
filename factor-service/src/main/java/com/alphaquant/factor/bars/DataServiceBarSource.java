package com.alphaquant.factor.bars;

import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * data-service's quote API ({@code /api/data/bars}, {@code /api/data/indices/{code}/bars},
 * {@code /api/data/securities}). Bars are asked unadjusted ({@code adjust=none}): they then carry
 * Tushare's cumulative adj_factor, a constant multiple of SPEC's adj_factor_rel, which keeps
 * prices comparable across requests (the qfq base moves with each ex-date). The API serves one
 * stock per request, so stocks are fetched in parallel.
 */
public final class DataServiceBarSource implements BarSource, AutoCloseable {

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

    private static final Duration SECURITIES_TTL = Duration.ofMinutes(5);

    private final RestClient http;
    private final ExecutorService fetchers;
    private final Clock clock;
    private volatile List<Security> securities;
    private volatile Instant securitiesAt = Instant.MIN;

    public DataServiceBarSource(String baseUrl, int parallelism, Duration readTimeout) {
        this(baseUrl, parallelism, readTimeout, Clock.systemUTC());
    }

    DataServiceBarSource(String baseUrl, int parallelism, Duration readTimeout, Clock clock) {
        // Built directly: Boot 4 provides no RestClient.Builder bean without spring-boot-restclient.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
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
                if (TsCode.isValid(v.tsCode()) && Board.of(TsCode.of(v.tsCode())) != Board.INDEX) {
                    list.add(new Security(TsCode.of(v.tsCode()), v.listDate()));
                }
            }
            securities = List.copyOf(list);
            securitiesAt = now;
        }
        return securities;
    }

    @Override
    public List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        List<Future<List<Bar>>> pending = new ArrayList<>();
        for (TsCode code : Set.copyOf(codes)) {
            pending.add(fetchers.submit(() -> bars("/api/data/bars?ts_code={code}&start={start}&end={end}&adjust=none",
                    code, from, to)));
        }
        List<Bar> out = new ArrayList<>();
        try {
            for (Future<List<Bar>> f : pending) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BarSourceUnavailableException("Interrupted while fetching bars", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r
                    : new BarSourceUnavailableException("Fetching bars failed", e.getCause());
        }
        return out;
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
                throw new BarSourceUnavailableException("data-service sent an invalid bar: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new BarSourceUnavailableException("data-service did not answer for " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
