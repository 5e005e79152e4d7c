package com.alphaquant.cli.up;

import com.alphaquant.cli.BundledSample;
import com.alphaquant.cli.CliConfig;
import com.alphaquant.cli.Folders;
import com.alphaquant.cli.IngestJobClient;
import com.alphaquant.cli.ProgressBar;
import com.alphaquant.cli.ServiceJar;
import com.alphaquant.config.AlphaConfig;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.tusharesim.TushareSim;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alphaquant up}: the whole platform on one machine, with no token and no Docker.
 * PostgreSQL and Redis run embedded as our child processes (or the servers the user names),
 * Kafka as a real KRaft broker inside this JVM, tushare-sim over the bundled sample unless
 * {@code TUSHARE_TOKEN} is set (config/alpha_config.yaml's {@code alphaquant.data.provider} can
 * insist on either); the five services and the gateway run as separate processes,
 * each logging to its own file. The sample is ingested through data-service, so factors,
 * signals and the dashboard have data. Ctrl-C stops everything it started. The configuration file
 * is checked before anything starts, and every process gets its absolute path.
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole platform on this machine (embedded PostgreSQL, Redis and Kafka; no token, no Docker).",
                "Prints a line per part as it becomes healthy, then 'ready' with the dashboard URL; Ctrl-C stops everything."})
public final class UpCommand implements Callable<Integer> {

    static final List<String> SERVICES = List.of("data-service", "factor-service", "model-service", "backtest-service",
            "strategy-service");
    /** Every module up runs as a process: the services and the gateway. */
    static final List<String> MODULES = Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList();
    /** The compact sample's span (docs/DATA.md): what a first run ingests. */
    static final LocalDate SAMPLE_START = LocalDate.parse("2021-01-04");
    static final LocalDate SAMPLE_END = LocalDate.parse("2022-12-20");
    static final List<String> DATASETS = List.of("stock_basic", "trade_cal", "namechange", "index_classify", "index_member",
            "daily", "adj_factor", "index_daily", "moneyflow_hsgt", "stk_limit", "suspend_d");

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where data and logs persist between runs (default: .alphaquant in the repository)")
    Path dataDir;

    @Option(names = "--fresh", description = "Start with an empty data folder")
    boolean fresh;

    @Option(names = "--use-local", description = "Use the local PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) instead of embedded ones")
    boolean useLocal;

    @Option(names = "--database-url", paramLabel = "URL", description = "A PostgreSQL server to use, jdbc:postgresql://host:port/ (user: DATABASE_USER, password: DATABASE_PASSWORD)")
    String databaseUrl;

    @Option(names = "--redis-url", paramLabel = "URL", description = "A Redis server to use, redis://host:port")
    String redisUrl;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "A Kafka cluster to use instead of the in-process broker")
    String kafka;

    @Option(names = "--port", paramLabel = "PART=PORT", description = "Change a port (repeatable): gateway=8080, data-service=8081 ... strategy-service=8085, "
            + "postgres=15432, redis=16379, kafka=19092, kafka-controller=19093, tushare-sim=17070")
    Map<String, Integer> portOverrides;

    @Option(names = "--no-ingest", description = "Do not load the sample (the data folder keeps what earlier runs loaded)")
    boolean noIngest;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "240", description = "How long a service may take to become ready (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final PrintStream out = System.out;
    private long t0;

    @Override
    public Integer call() throws Exception {
        t0 = System.nanoTime();
        AlphaConfig config = CliConfig.load(); // an invalid file stops here, before anything starts
        Ports ports = Ports.of(portOverrides);
        String token = System.getenv("TUSHARE_TOKEN");
        boolean simulated = CliConfig.simulated(config, token);
        boolean embeddedPostgres = databaseUrl == null && !useLocal;
        boolean embeddedRedis = redisUrl == null && !useLocal;
        List<String> bound = new ArrayList<>(MODULES);
        if (embeddedPostgres) {
            bound.add("postgres");
        }
        if (embeddedRedis) {
            bound.add("redis");
        }
        if (kafka == null) {
            bound.addAll(List.of("kafka", "kafka-controller"));
        }
        if (simulated) {
            bound.add("tushare-sim");
        }
        Path dir = (dataDir != null ? dataDir : ServiceJar.home().resolve(".alphaquant")).toAbsolutePath();
        Leftovers leftovers = new Leftovers(Files.createDirectories(dir));
        int orphans = leftovers.stopAll();
        if (orphans > 0) {
            out.println("alphaquant up: stopped " + orphans + " processes an earlier run left running");
        }
        ports.requireFree(bound);
        MODULES.forEach(ServiceJar::of); // fails now, naming the module, if one is not built

        if (fresh) {
            Folders.deleteRecursively(dir);
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        // The in-process broker logs through slf4j-simple: to a file, warnings and worse.
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("kafka.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        out.println("alphaquant up: data in " + dir + (fresh ? " (fresh)" : "") + ", logs in " + logs);

        Platform platform = new Platform(out);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "alphaquant-up-stop"));
        try {
            // Services are unpacked (once per build of a jar) while the infrastructure starts.
            CompletableFuture<Map<String, ServiceJar>> unpacked = CompletableFuture.supplyAsync(() -> MODULES.parallelStream()
                    .collect(Collectors.toMap(m -> m, m -> ServiceJar.of(m).extractedTo(dir.resolve("apps").resolve(m)))));
            Infrastructure infra = startInfrastructure(platform, ports, dir, logs, simulated, embeddedPostgres, embeddedRedis);
            LocalApiKey apiKey = LocalApiKey.in(dir);
            startServices(platform, ports, infra, join(unpacked), dir, logs, token, simulated, apiKey, config);
            // Should this JVM be killed outright, the next run finds and stops what it started.
            ProcessHandle.current().descendants().forEach(leftovers::record);
            infra.postgres().postmaster().ifPresent(leftovers::record);
            if (!noIngest) {
                ingestSample(platform.services().get(0).url(), simulated);
            }
            out.printf("ready in %.1f s: dashboard http://127.0.0.1:%d/  (API under /api, logs in %s; Ctrl-C stops everything)%n",
                    seconds(), ports.of("gateway"), logs);
            out.println("API key: " + apiKey.key() + "  (write role, kept in " + dir.resolve("api-key")
                    + "; sign in to the dashboard with it, or send it as the X-API-Key header)");
            out.flush();
            return watch(platform);
        } catch (RuntimeException | IOException e) {
            out.println("alphaquant up: " + rootMessage(e));
            platform.stop();
            return e instanceof IllegalArgumentException ? 2 : 1;
        }
    }

    private record Infrastructure(Postgres postgres, Redis redis, String kafka, String tushareUrl) {}

    private Infrastructure startInfrastructure(Platform platform, Ports ports, Path dir, Path logs, boolean simulated,
                                               boolean embeddedPostgres, boolean embeddedRedis) {
        CompletableFuture<Postgres> pg = CompletableFuture.supplyAsync(() -> timed("postgres", () -> {
            Postgres p = embeddedPostgres ? Postgres.embedded(dir.resolve("postgres"), ports.of("postgres"), logs.resolve("postgres.log"))
                    : Postgres.server(databaseUrl != null ? databaseUrl : "jdbc:postgresql://127.0.0.1:5432/");
            platform.add("postgres", p);
            return new Described<>(p, p.describe());
        }));
        CompletableFuture<Redis> redis = CompletableFuture.supplyAsync(() -> timed("redis", () -> {
            Redis r = embeddedRedis ? Redis.embedded(ports.of("redis")) : Redis.server(redisUrl != null ? redisUrl : "redis://127.0.0.1:6379");
            platform.add("redis", r);
            return new Described<>(r, r.describe());
        }));
        CompletableFuture<String> broker = CompletableFuture.supplyAsync(() -> timed("kafka", () -> {
            if (kafka != null) {
                return new Described<>(kafka, "cluster " + kafka);
            }
            KafkaBroker b = KafkaBroker.start(dir.resolve("kafka"), ports.of("kafka"), ports.of("kafka-controller"));
            platform.add("kafka", b);
            return new Described<>(b.bootstrapServers(), "in-process KRaft broker on :" + ports.of("kafka"));
        }));
        CompletableFuture<String> tushare = CompletableFuture.supplyAsync(() -> timed("tushare", () -> {
            if (!simulated) {
                return new Described<>(null, "the real Tushare Pro API (TUSHARE_TOKEN is set)");
            }
            TushareSim sim = BundledSample.tushareSim(ports.of("tushare-sim"));
            platform.add("tushare-sim", sim);
            return new Described<>(sim.url(), "tushare-sim over the bundled sample (31 stocks) on :" + ports.of("tushare-sim"));
        }));
        return new Infrastructure(join(pg), join(redis), join(broker), join(tushare));
    }

    /** The step's result, or the failure that ended it, unwrapped. */
    private static <T> T join(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startServices(Platform platform, Ports ports, Infrastructure infra, Map<String, ServiceJar> unpacked, Path dir,
                               Path logs, String token, boolean simulated, LocalApiKey apiKey, AlphaConfig config) {
        Map<String, String> common = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", infra.kafka(),
                "DATABASE_USER", infra.postgres().user(), "DATABASE_PASSWORD", infra.postgres().password(),
                "DATA_SERVICE_URL", url(ports, "data-service"), "FACTOR_SERVICE_URL", url(ports, "factor-service"),
                "MODEL_SERVICE_URL", url(ports, "model-service"), "BACKTEST_SERVICE_URL", url(ports, "backtest-service"),
                "STRATEGY_SERVICE_URL", url(ports, "strategy-service")));
        config.file().ifPresent(f -> common.put(AlphaConfig.FILE_ENV, f.toAbsolutePath().toString()));
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        Map<String, String> data = new HashMap<>(Map.of("DATABASE_URL", infra.postgres().database("alphaquant_data")));
        if (simulated) {
            data.putAll(Map.of("TUSHARE_URL", infra.tushareUrl(), "TUSHARE_TOKEN", TushareSim.DEFAULT_TOKEN,
                    "TUSHARE_CALLS_PER_MINUTE", "12000", "TUSHARE_CONCURRENCY", "10"));
        } else {
            data.put("TUSHARE_TOKEN", token);
        }
        own.put("data-service", data);
        own.put("factor-service", Map.of("DATABASE_URL", infra.postgres().database("alphaquant_factor"),
                "REDIS_HOST", infra.redis().host(), "REDIS_PORT", Integer.toString(infra.redis().port())));
        // Models live in the data folder unless the configuration puts them elsewhere.
        boolean modelDirSet = config.get("alphaquant.model.model-dir").source() != AlphaConfig.Source.DEFAULT;
        // Models train on the bundled 300-stock sample: up's data-service holds the 31-stock compact
        // set, too narrow a cross-section to learn a ranking from (MODEL_BARS=data-service switches).
        Map<String, String> model = new HashMap<>(Map.of("DATABASE_URL", infra.postgres().database("alphaquant_model"),
                "MODEL_BARS", System.getenv().getOrDefault("MODEL_BARS", "sample")));
        if (!modelDirSet) {
            model.put("MODEL_DIR", dir.resolve("models").toString());
        }
        own.put("model-service", model);
        own.put("backtest-service", Map.of("DATABASE_URL", infra.postgres().database("alphaquant_backtest")));
        own.put("strategy-service", Map.of("DATABASE_URL", infra.postgres().database("alphaquant_strategy")));
        Map<String, String> gateway = new HashMap<>(apiKey.gatewayEnvironment());
        gateway.putAll(Map.of("REDIS_HOST", infra.redis().host(), "REDIS_PORT", Integer.toString(infra.redis().port())));
        own.put("gateway", gateway);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (var e : own.entrySet()) {
            Map<String, String> env = new HashMap<>(common);
            env.putAll(e.getValue());
            ServiceProcess service = ServiceProcess.startWithClassData(unpacked.get(e.getKey()), ports.of(e.getKey()), env, logs);
            platform.add(service);
            ready.add(CompletableFuture.runAsync(() -> timed(service.name(), () -> {
                service.awaitReady(Duration.ofSeconds(timeoutSeconds));
                return new Described<>(null, "ready on :" + service.port() + " (pid " + service.pid() + ")");
            })));
        }
        join(CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)));
    }

    private void ingestSample(String dataServiceUrl, boolean simulated) throws IOException {
        long start = System.nanoTime();
        // With a real token only the sample's stocks are loaded: a first run should not spend an
        // account's daily quota; `alphaquant ingest` or POST /api/data/ingest load more.
        List<String> codes = simulated ? List.of("all") : sampleCodes();
        try {
            IngestJobClient.Outcome outcome = new IngestJobClient(dataServiceUrl).run(DATASETS, codes, SAMPLE_START, SAMPLE_END,
                    new ProgressBar(System.err, "units"));
            if (!outcome.succeeded()) {
                throw new IllegalStateException("ingesting the sample ended " + outcome.status() + ": " + outcome.message());
            }
            line("sample", String.format("%,d rows stored, %s to %s, %d Tushare calls", outcome.rowsStored(), SAMPLE_START, SAMPLE_END,
                    outcome.calls()), (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting the sample");
        }
    }

    private static List<String> sampleCodes() {
        List<String> codes = new ArrayList<>();
        com.alphaquant.market.csv.TushareCsv.forEachRow(SampleData.file(SampleData.COMPACT_STOCK_BASIC), List.of("ts_code"),
                row -> codes.add(row.text("ts_code")));
        return codes;
    }

    /** Blocks while the platform runs; a service that dies takes the platform down with a non-zero exit. */
    private int watch(Platform platform) throws InterruptedException {
        while (!platform.stopping()) {
            for (ServiceProcess s : platform.services()) {
                if (!s.isAlive() && !platform.stopping()) {
                    out.println("alphaquant up: " + s.name() + " stopped unexpectedly (see " + s.log() + "); stopping the platform");
                    platform.stop();
                    return 1;
                }
            }
            Thread.sleep(1000);
        }
        return 0;
    }

    private record Described<T>(T value, String text) {}

    private interface Step<T> {
        Described<T> run() throws Exception;
    }

    /** Runs a step and prints its line (name, what it is, seconds since up started); failures keep their message. */
    private <T> T timed(String name, Step<T> step) {
        try {
            Described<T> d = step.run();
            line(name, d.text(), seconds());
            return d.value();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted");
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private synchronized void line(String name, String text, double seconds) {
        out.printf("  %-17s %-62s %6.1f s%n", name, text, seconds);
        out.flush();
    }

    private double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String url(Ports ports, String service) {
        return "http://127.0.0.1:" + ports.of(service);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() != null && t.getCause().getMessage() != null
                && t.getMessage().equals(t.getCause().toString())) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
