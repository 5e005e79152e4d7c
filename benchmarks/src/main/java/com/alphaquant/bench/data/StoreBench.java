package com.alphaquant.bench.data;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (a) of the ingestion issue: rows per second stored into PostgreSQL with the
 * service's own store (one transaction per planned unit, 4 in parallel), into a fresh
 * database, next to the same rows loaded with {@code psql \copy} into the same freshly
 * truncated table: the ceiling for one stream of rows. Prints the figures; no assertions.
 *
 * <p>The machine running it is often shared, so the empty-table load and psql's are
 * measured in alternating rounds and compared by their medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.alphaquant.bench.data.StoreBench BARS.csv.gz [jdbc-server-url] [rounds]</pre>
 */
public final class StoreBench {

    private static final String COLUMNS = "(ts_code, trade_date, open, high, low, close, pre_close, vol, amount)";
    private static final Pattern PSQL_TIMING = Pattern.compile("Time: ([0-9.]+) ms");

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String server = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String db = "aq_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (var c = DriverManager.getConnection(server + "postgres", "postgres", ""); var s = c.createStatement()) {
            s.execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a database on " + server + ": " + e.getMessage(), e);
        }
        Path csv = Files.createTempFile("aq-bench-bars", ".csv");
        try {
            run(file, server, db, csv, rounds);
        } finally {
            Files.deleteIfExists(csv);
            try (var c = DriverManager.getConnection(server + "postgres", "postgres", ""); var s = c.createStatement()) {
                s.execute("drop database if exists " + db);
            }
        }
    }

    private static void run(Path file, String server, String db, Path csv, int rounds) throws Exception {
        List<Bar> bars = BarCsv.read(file);
        writeCsv(bars, csv);
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(server + db + "?reWriteBatchedInserts=true"); // as the service connects
            ds.setUsername("postgres");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            BarStore store = new BarStore(new JdbcTemplate(ds), new DataProperties(null, 5000, null));
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            System.out.printf("%,d bars of %s into fresh database %s%n", bars.size(), file.getFileName(), db);
            // As ingestion stores them: one transaction per planned unit, 4 in parallel. For this
            // sample (300 stocks x 5 years) the planner fetches by stock; a whole-market daily update
            // comes by trade date.
            ds.setMaximumPoolSize(4);
            ForkJoinPool pool = new ForkJoinPool(4);
            Map<String, Function<Bar, Object>> plans = new LinkedHashMap<>();
            plans.put("by ts_code", b -> b.tsCode());
            plans.put("by trade_date", Bar::tradeDate);
            Map<String, Double> firstInsert = new LinkedHashMap<>();
            for (var plan : plans.entrySet()) {
                List<List<Bar>> units = List.copyOf(bars.stream().collect(Collectors.groupingBy(plan.getValue())).values());
                jdbc.execute("truncate daily_bar");
                for (String pass : List.of("insert (empty table)", "upsert (all rows exist)")) {
                    double seconds = time(() -> pool.submit(() -> units.parallelStream()
                            .forEach(unit -> store.upsertBars(BarStore.Table.DAILY, unit))).join());
                    print(plan.getKey(), pass, seconds, bars.size(), "(" + units.size() + " units, 4 connections)");
                    firstInsert.putIfAbsent(plan.getKey(), seconds);
                }
            }

            // Ours against psql \copy of the same rows into the same freshly truncated table,
            // alternating so that both see the same load on the machine.
            List<List<Bar>> byCode = List.copyOf(bars.stream().collect(Collectors.groupingBy(Bar::tsCode)).values());
            boolean psql = psqlOnPath();
            String anchor = psql ? "psql \\copy" : "CopyManager text COPY";
            if (!psql) {
                System.out.println("psql is not on PATH: psql \\copy skipped; the anchor is pgjdbc's CopyManager "
                        + "streaming the same CSV as text COPY on one connection");
            }
            double[] ours = new double[rounds];
            double[] theirs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                jdbc.execute("truncate daily_bar");
                ours[r] = time(() -> pool.submit(() -> byCode.parallelStream()
                        .forEach(unit -> store.upsertBars(BarStore.Table.DAILY, unit))).join());
                jdbc.execute("truncate daily_bar");
                theirs[r] = psql ? psqlCopy(server, db, csv) : copyManagerCopy(ds, csv);
                System.out.printf("round %d/%d: ours %,.0f rows/s, %s %,.0f rows/s%n", r + 1, rounds,
                        bars.size() / ours[r], anchor, bars.size() / theirs[r]);
            }
            double oursMedian = median(ours);
            double theirsMedian = median(theirs);
            print("by ts_code", "insert (empty table)", oursMedian, bars.size(),
                    "(" + byCode.size() + " units, 4 connections; median of " + rounds + ")");
            print(psql ? "psql \\copy" : "CopyManager", "insert (empty table)", theirsMedian, bars.size(),
                    "(one CSV of the same rows, one connection; median of " + rounds + ")");
            System.out.printf("insert (empty table): ours %,.0f rows/s vs %s %,.0f rows/s = %.0f%%%n",
                    bars.size() / oursMedian, anchor, bars.size() / theirsMedian, 100 * theirsMedian / oursMedian);
            pool.shutdown();
        }
    }

    private static void print(String plan, String pass, double seconds, int rows, String note) {
        System.out.printf("%-14s %-24s %6.2f s %,10.0f rows/s  %s%n", plan, pass, seconds, rows / seconds, note);
    }

    private static double time(Runnable task) {
        long t0 = System.nanoTime();
        task.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The rows as psql reads them: the table's columns, Java's shortest round-trip doubles. */
    private static void writeCsv(List<Bar> bars, Path csv) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (Bar b : bars) {
                out.write(b.tsCode() + "," + b.tradeDate() + "," + b.open() + "," + b.high() + "," + b.low() + ","
                        + b.close() + "," + b.preClose() + "," + b.vol() + "," + b.amount() + "\n");
            }
        }
    }

    private static boolean psqlOnPath() {
        try {
            Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Seconds psql reports for its {@code \copy} (its own {@code \timing}: the COPY, not the
     * process start or the connection); the whole run's wall time if it prints none.
     */
    private static double psqlCopy(String server, String db, Path csv) {
        URI uri = URI.create(server.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", Integer.toString(uri.getPort() > 0 ? uri.getPort() : 5432),
                "-U", "postgres", "-d", db, "-c", "\\timing on",
                "-c", "\\copy daily_bar " + COLUMNS + " from '" + csv + "' with (format csv)"));
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + output.strip());
            }
            Matcher m = PSQL_TIMING.matcher(output);
            return m.find() ? Double.parseDouble(m.group(1)) / 1000 : wall;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double copyManagerCopy(HikariDataSource ds, Path csv) {
        try (Connection con = ds.getConnection(); Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long t0 = System.nanoTime();
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy daily_bar " + COLUMNS + " from stdin with (format csv)", in);
            return (System.nanoTime() - t0) / 1e9;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
