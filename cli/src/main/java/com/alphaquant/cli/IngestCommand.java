package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.tusharesim.TushareSim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alphaquant ingest}: loads Tushare data into the configured PostgreSQL with data-service's
 * own ingestion (watermarks, cleaning, retries), drawing a progress bar. Without a token (and
 * without --tushare-url) it ingests the bundled sample through an embedded tushare-sim.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load Tushare data into PostgreSQL (TUSHARE_TOKEN from the environment; none: the bundled sample).")
final class IngestCommand implements Callable<Integer> {

    @Option(names = "--datasets", split = ",", defaultValue = "stock_basic,trade_cal,daily,adj_factor,index_daily",
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

    @Option(names = "--calls-per-minute", description = "Your account's limit per API (default 200)")
    Integer callsPerMinute;

    @Option(names = "--concurrency", description = "Requests in flight (default 5)")
    Integer concurrency;

    @Override
    public Integer call() {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("--end-date " + endDate + " is before --start-date " + startDate);
        }
        ServiceJar dataService = ServiceJar.of("data-service");
        Map<String, String> env = new HashMap<>();
        String token = System.getenv("TUSHARE_TOKEN");
        TushareSim sim = null;
        String url = tushareUrl;
        if (url == null && (token == null || token.isBlank())) {
            sim = TushareSim.builder()
                    .file("daily", SampleData.file(SampleData.COMPACT_BARS))
                    .file("index_daily", SampleData.file(SampleData.INDEX))
                    .file("stock_basic", SampleData.file(SampleData.COMPACT_STOCK_BASIC))
                    .file("trade_cal", SampleData.file(SampleData.TRADE_CAL))
                    .callsPerMinute(0).eager(true).start(0);
            url = sim.url();
            env.put("TUSHARE_TOKEN", TushareSim.DEFAULT_TOKEN);
            if (callsPerMinute == null) {
                callsPerMinute = 12_000; // the local simulator has no account limit to respect
            }
            System.err.println("alphaquant: no TUSHARE_TOKEN set: ingesting the bundled sample through tushare-sim at " + url);
        }
        List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--alphaquant.ingest.once=true", "--alphaquant.data.job-polling=false",
                "--alphaquant.outbox.enabled=false",
                "--alphaquant.ingest.datasets=" + String.join(",", datasets),
                "--alphaquant.ingest.ts-codes=" + String.join(",", tsCodes),
                "--alphaquant.ingest.start-date=" + startDate, "--alphaquant.ingest.end-date=" + endDate));
        if (url != null) {
            args.add("--alphaquant.data.tushare.url=" + url);
        }
        if (databaseUrl != null) {
            env.put("DATABASE_URL", databaseUrl);
        }
        if (callsPerMinute != null) {
            args.add("--alphaquant.data.tushare.calls-per-minute=" + callsPerMinute);
        }
        if (concurrency != null) {
            args.add("--alphaquant.data.tushare.concurrency=" + concurrency);
        }
        try {
            return dataService.runApplication(args, env);
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }
}
