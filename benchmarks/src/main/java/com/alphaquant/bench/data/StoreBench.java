package com.alphaquant.bench.data;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (a) of the ingestion issue: rows per second stored into PostgreSQL with the
 * service's own batched upserts, into a fresh database. Prints the figures; no assertions.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.alphaquant.bench.data.StoreBench BARS.csv.gz [jdbc-server-url]</pre>
 */
public final class StoreBench {

    private StoreBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String server = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
        String db = "aq_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (var c = java.sql.DriverManager.getConnection(server + "postgres", "postgres", ""); var s = c.createStatement()) {
            s.execute("create database " + db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create a database on " + server + ": " + e.getMessage(), e);
        }
        List<Bar> bars = BarCsv.read(file);
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(server + db + "?reWriteBatchedInserts=true");
            ds.setUsername("postgres");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            BarStore store = new BarStore(new JdbcTemplate(ds), new DataProperties(null, 5000, null));
            System.out.printf("%,d bars of %s into fresh database %s%n", bars.size(), file.getFileName(), db);
            // As ingestion stores them: one transaction per planned unit, 4 in parallel. For this
            // sample (300 stocks x 5 years) the planner fetches by stock; a whole-market daily update
            // comes by trade date.
            ds.setMaximumPoolSize(4);
            ForkJoinPool pool = new ForkJoinPool(4);
            Map<String, Function<Bar, Object>> plans = new LinkedHashMap<>();
            plans.put("by ts_code", b -> b.tsCode());
            plans.put("by trade_date", Bar::tradeDate);
            for (var plan : plans.entrySet()) {
                List<List<Bar>> units = List.copyOf(bars.stream().collect(Collectors.groupingBy(plan.getValue())).values());
                new JdbcTemplate(ds).execute("truncate daily_bar");
                for (String pass : List.of("insert (empty table)", "upsert (all rows exist)")) {
                    long t0 = System.nanoTime();
                    pool.submit(() -> units.parallelStream().forEach(unit -> store.upsertBars(BarStore.Table.DAILY, unit))).join();
                    double seconds = Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
                    System.out.printf("%-14s %-24s %6.2f s %,10.0f rows/s  (%d units, 4 connections)%n",
                            plan.getKey(), pass, seconds, bars.size() / seconds, units.size());
                }
            }
            pool.shutdown();
        }
    }
}
