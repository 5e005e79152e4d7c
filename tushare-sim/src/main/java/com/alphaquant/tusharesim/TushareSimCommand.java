package com.alphaquant.tusharesim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tushare-sim}: runs the simulator in the foreground, one log line per call (never the
 * token), until interrupted. Usable standalone ({@link #main}) or as a subcommand of the
 * {@code alphaquant} CLI ({@code new CommandLine(root).addSubcommand(new TushareSimCommand())}).
 */
@Command(name = "tushare-sim", mixinStandardHelpOptions = true,
        description = "Serve Tushare Pro's HTTP protocol over Tushare-format CSV files, with rate limits and fault injection.")
public class TushareSimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7070", description = "Port to listen on; 0 for a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of Tushare CSV files (default: the repository's real sample, data/sample).")
    Path data;

    @Option(names = "--file", paramLabel = "API=FILE", description = "Serve API from FILE (repeatable), over the --data mapping.")
    Map<String, Path> files;

    @Option(names = "--calls-per-minute", paramLabel = "N", defaultValue = "200",
            description = "Calls per minute per token and api, sliding window; 0 = unlimited (default ${DEFAULT-VALUE}).")
    int callsPerMinute;

    @Option(names = "--limit-across-apis",
            description = "One calls-per-minute window per token for all apis (default: per token and api, as Tushare).")
    boolean limitAcrossApis;

    @Option(names = "--calls-per-day", paramLabel = "N", defaultValue = "0",
            description = "Calls per day per token and api; 0 = unlimited (default ${DEFAULT-VALUE}).")
    int callsPerDay;

    @Option(names = "--row-cap", paramLabel = "N", defaultValue = "6000",
            description = "Most rows per call, the rest flagged has_more (default ${DEFAULT-VALUE}).")
    int rowCap;

    @Option(names = "--fault", paramLabel = "SPEC", defaultValue = "",
            description = "Faults to inject, e.g. 429:0.1,5xx:0.05,timeout@3,every:malformed:7/daily (see README).")
    String fault;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fault RNG (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout-delay", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a timeout fault holds a call (default ${DEFAULT-VALUE}).")
    double timeoutDelaySeconds;

    @Option(names = "--token", paramLabel = "T", description = "A valid token (repeatable; default " + TushareSim.DEFAULT_TOKEN + ").")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--any-token", description = "Accept any non-blank token.")
    boolean anyToken;

    @Option(names = "--deny", paramLabel = "API", split = ",", description = "Apis that answer 40203 no-permission.")
    List<String> denied = new ArrayList<>();

    @Option(names = "--lazy", description = "Load files on first use instead of at start.")
    boolean lazy;

    @Option(names = "--quiet", description = "Do not log calls.")
    boolean quiet;

    private final PrintStream out;
    private volatile TushareSim running;

    public TushareSimCommand() {
        this(System.out);
    }

    TushareSimCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TushareSimCommand()).execute(args));
    }

    /** The builder these options describe (without the port). */
    TushareSim.Builder builder() {
        Consumer<String> log = quiet ? null : line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
        TushareSim.Builder b = TushareSim.builder()
                .host(host)
                .callsPerMinute(callsPerMinute)
                .callsPerDay(callsPerDay)
                .rowCap(rowCap)
                .faults(fault)
                .seed(seed)
                .timeoutDelay(Duration.ofMillis(Math.round(timeoutDelaySeconds * 1000)))
                .deny(denied.toArray(String[]::new))
                .eager(!lazy)
                .callLog(log);
        if (data != null) {
            b.dataDir(data);
        }
        if (files != null) {
            files.forEach(b::file);
        }
        if (!tokens.isEmpty()) {
            b.tokens(tokens.toArray(String[]::new));
        }
        if (anyToken) {
            b.anyToken();
        }
        if (limitAcrossApis) {
            b.rateLimitAcrossApis();
        }
        return b;
    }

    /** The simulator while {@link #call()} runs (tests). */
    TushareSim running() {
        return running;
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        try (TushareSim sim = builder().start(port)) {
            running = sim;
            Thread hook = new Thread(sim::close, "tushare-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("tushare-sim listening on " + sim.url() + " (started in " + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            sim.dataMapping().forEach((api, source) -> out.println("  " + api + " <- " + source));
            out.println("  tokens: " + (anyToken ? "any non-blank" : tokens.isEmpty() ? TushareSim.DEFAULT_TOKEN + " (default)"
                    : tokens.size() + " configured") + "; calls/minute " + callsPerMinute + "; row cap " + rowCap
                    + "; faults '" + sim.faults() + "'");
            out.flush();
            sim.awaitClose();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        } finally {
            running = null;
        }
        return 0;
    }
}
