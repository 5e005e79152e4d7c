package com.alphaquant.cli;

import com.alphaquant.cli.up.Ports;
import com.alphaquant.cli.up.Postgres;
import com.alphaquant.cli.up.ServiceProcess;
import com.alphaquant.config.AlphaConfig;
import com.alphaquant.tusharesim.TushareSim;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alphaquant ingest}: loads Tushare data into the configured PostgreSQL with data-service's
 * own ingestion (watermarks, cleaning, retries): it runs data-service on a free local port, submits
 * a job through its API and draws the job's progress. Without a token (and without --tushare-url)
 * it ingests the bundled sample through an embedded tushare-sim. Events stay in data-service's
 * outbox until the service runs with Kafka.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load Tushare data into PostgreSQL (TUSHARE_TOKEN from the environment; none: the bundled sample).")
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--datasets", split = ",", defaultValue = "stock_basic,trade_cal,namechange,daily,adj_factor,index_daily,moneyflow_hsgt",
            description = "Tushare datasets (default ${DEFAULT-VALUE})")
    List<String> datasets;

    @Option(names = "--ts-codes", split = ",", defaultValue = "all", description = "Stocks, or all (default)")
    List<String> tsCodes;

    @Option(names = "--start-date", required = true, description = "yyyy-MM-dd")
    LocalDate startDate;

    @Option(names = "--end-date", required = true, description = "yyyy-MM-dd")
    LocalDate endDate;

    @Option(names = "--tushare-url", description = "Tushare endpoint (default: the real API with TUSHARE_TOKEN)")
    String tushareUrl;

    @Option(names = "--database-url", description = "JDBC URL (default: DATABASE_URL or jdbc:postgresql://127.0.0.1:5432/alphaquant)")
    String databaseUrl;

    @Option(names = "--calls-per-minute", description = "Your account's limit per API (default: alphaquant.data.tushare.calls-per-minute, 200)")
    Integer callsPerMinute;

    @Option(names = "--concurrency", description = "Requests in flight (default: alphaquant.data.tushare.concurrency, 5)")
    Integer concurrency;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("--end-date " + endDate + " is before --start-date " + startDate);
        }
        ServiceJar.of("data-service"); // fails at once, naming the module, if it is not built
        AlphaConfig config = CliConfig.load();
        Map<String, String> env = new HashMap<>();
        config.file().ifPresent(f -> env.put(AlphaConfig.FILE_ENV, f.toAbsolutePath().toString()));
        String token = System.getenv("TUSHARE_TOKEN");
        TushareSim sim = null;
        String url = tushareUrl;
        if (url == null && CliConfig.simulated(config, token)) {
            sim = BundledSample.tushareSim(0);
            url = sim.url();
            env.put("TUSHARE_TOKEN", TushareSim.DEFAULT_TOKEN);
            if (callsPerMinute == null) {
                callsPerMinute = 12_000; // the local simulator has no account limit to respect
            }
            System.err.println("alphaquant: " + (token == null || token.isBlank() ? "no TUSHARE_TOKEN set" : "provider simulator")
                    + ": ingesting the bundled sample through tushare-sim at " + url);
        }
        String database = databaseUrl != null ? databaseUrl
                : System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/alphaquant");
        Postgres.server(database).database(database.replaceFirst("\\?.*$", "").replaceFirst("^.*/", ""));
        env.put("DATABASE_URL", database);
        if (url != null) {
            env.put("TUSHARE_URL", url);
        }
        if (callsPerMinute != null) {
            env.put("TUSHARE_CALLS_PER_MINUTE", callsPerMinute.toString());
        }
        if (concurrency != null) {
            env.put("TUSHARE_CONCURRENCY", concurrency.toString());
        }
        // No Kafka here: the service keeps its events in the outbox for when it runs with one.
        List<String> args = List.of("--alphaquant.outbox.enabled=false", "--spring.main.banner-mode=off");
        ServiceProcess service = ServiceProcess.start("data-service", Ports.anyFree(), env, args,
                Files.createTempDirectory("alphaquant-ingest-"));
        try {
            service.awaitReady(Duration.ofMinutes(3));
            IngestJobClient.Outcome done = new IngestJobClient(service.url()).run(datasets, tsCodes, startDate, endDate,
                    new ProgressBar(System.err, "units"));
            System.err.printf("%njob %s: %,d rows stored, %,d rejected %s, %d Tushare calls%s%n", done.status(), done.rowsStored(),
                    done.rowsRejected(), done.progress().path("rejectedByReason"), done.calls(),
                    done.message() == null ? "" : " — " + done.message());
            return done.succeeded() ? 0 : 1;
        } finally {
            service.requestStop();
            service.awaitExit(Duration.ofSeconds(20));
            if (sim != null) {
                sim.close();
            }
        }
    }
}
