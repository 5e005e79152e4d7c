package com.alphaquant.bench.data;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.tushare.TushareClient;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.tusharesim.SimStats;
import com.alphaquant.tusharesim.TushareSim;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Benchmark (b) of the ingestion issue: the call rate the client achieves against tushare-sim
 * enforcing 200 calls/minute, with 5 requests in flight. Prints figures; no assertions.
 *
 * <p>Measured warm, as a running service calls: one call first warms the JIT, the connection
 * and the simulator (a cold first call takes seconds here, and the client, which counts a call
 * in Tushare's minute until a minute after its answer, would carry those seconds into the
 * measured 75 s); then the simulator's counters and windows are reset and a new client (with
 * its own, empty pacing) makes the measured calls.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.alphaquant.bench.data.RateBench DATA_DIR [calls]</pre>
 */
public final class RateBench {

    private RateBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int limit = 200;
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(limit).tokens("bench-token").eager(true).start(0)) {
            DataProperties.Tushare config = new DataProperties.Tushare(sim.url(), "bench-token", limit, 5, 6000,
                    Duration.ofSeconds(30), 8, Duration.ofSeconds(1), Duration.ofSeconds(60));
            TradingCalendar calendar = TradeCalCsv.read(dir.resolve("trade_cal_SSE_derived_20160101_20260318.csv.gz"));
            List<String> open = calendar.openDays(LocalDate.of(2018, 1, 2), LocalDate.of(2022, 12, 20)).stream()
                    .map(d -> d.format(DateTimeFormatter.BASIC_ISO_DATE)).toList();
            List<String> days = open.stream().limit(calls).toList();
            new TushareClient(WebClient.builder(), config, new SimpleMeterRegistry())
                    .query("daily", Map.of("trade_date", open.get(open.size() - 1)), List.of("ts_code", "trade_date", "close"))
                    .block();
            sim.reset();
            TushareClient client = new TushareClient(WebClient.builder(), config, new SimpleMeterRegistry());
            AtomicLong failed = new AtomicLong();
            AtomicLong rows = new AtomicLong();
            System.out.printf("%d daily calls (whole market by trade date) against tushare-sim at %d calls/min, 5 in flight, "
                            + "after one warm-up call...%n",
                    days.size(), limit);
            long t0 = System.nanoTime();
            Flux.fromIterable(days)
                    .flatMap(day -> client.query("daily", Map.of("trade_date", day), List.of("ts_code", "trade_date", "close"))
                            .doOnNext(t -> rows.addAndGet(t.size()))
                            .onErrorResume(e -> {
                                failed.incrementAndGet();
                                return reactor.core.publisher.Mono.empty();
                            }), 5)
                    .blockLast();
            double minutes = (System.nanoTime() - t0) / 60e9;
            SimStats stats = sim.stats();
            // The first call passes at once, the other n-1 are spaced: the rate is over those gaps.
            double rate = (days.size() - 1) / minutes;
            System.out.printf("achieved %.1f calls/min = %.1f%% of the limit; %,d rows; %d failed calls; "
                            + "%d HTTP attempts, %d refused by the simulator's rate limit, %d retries%n",
                    rate, 100 * rate / limit, rows.get(), failed.get(), stats.calls(), stats.errors(40203), client.retries());
        }
    }
}
