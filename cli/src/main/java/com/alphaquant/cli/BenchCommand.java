package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alphaquant bench ingest}: prints the figures of the ingestion benchmarks;
 * {@code alphaquant bench up}: seconds to ready and peak memory of {@code alphaquant up}, cold and warm;
 * {@code alphaquant bench gateway}: latency and throughput through the gateway against a direct call;
 * {@code alphaquant bench model}: training samples/s, inference latency and memory of the transformer;
 * {@code alphaquant bench alpha}: alpha formulas evaluated and scored per second, cache cold and warm.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "ingest, up, gateway, model or alpha")
    String what;

    @Option(names = "--data", description = "Folder of the real sample (default: the repository's data/sample)")
    Path data;

    @Option(names = "--calls", defaultValue = "250", description = "Calls for the rate benchmark (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--requests", defaultValue = "5000", description = "gateway: requests per round at 1 connection (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--connections", defaultValue = "50", description = "gateway: connections for the throughput runs (default ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "gateway: seconds per throughput run (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "gateway: alternating direct/gateway rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--preset", defaultValue = "small", description = "model: small or brief (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--samples", defaultValue = "10240", description = "model: training samples timed (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--batch-size", defaultValue = "256", description = "model: training batch size (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--formulas", defaultValue = "1000", description = "alpha: formulas screened per measure (default ${DEFAULT-VALUE})")
    int formulas;

    @Option(names = "--budget", defaultValue = "1000", description = "alpha: formulas of the timed genetic run (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--quick-start-jit", description = "gateway: run both JVMs with up's C1-only JIT instead of the full one")
    boolean quickStartJit;

    @Override
    public Integer call() throws Exception {
        if (what.equals("up")) {
            return com.alphaquant.cli.up.UpBench.run(System.out);
        }
        if (what.equals("gateway")) {
            if (requests < 100 || connections < 1 || seconds <= 0 || rounds < 1) {
                throw new IllegalArgumentException("--requests must be at least 100, --connections and --rounds at least 1, --seconds above 0");
            }
            return com.alphaquant.cli.up.GatewayBench.run(System.out, requests, connections, seconds, rounds, !quickStartJit);
        }
        if (what.equals("model")) {
            if (samples < batchSize || batchSize < 1) {
                throw new IllegalArgumentException("--batch-size must be at least 1 and --samples at least the batch size");
            }
            return ServiceJar.benchmarks().runMain("com.alphaquant.bench.model.ModelBench",
                    List.of(preset, Integer.toString(samples), Integer.toString(batchSize)));
        }
        if (what.equals("alpha")) {
            if (formulas < 1 || budget < 1) {
                throw new IllegalArgumentException("--formulas and --budget must be at least 1");
            }
            return ServiceJar.benchmarks().runMain("com.alphaquant.bench.alpha.AlphaBench",
                    List.of(Integer.toString(formulas), Integer.toString(budget)));
        }
        if (!what.equals("ingest")) {
            throw new IllegalArgumentException("Unknown benchmark '" + what + "': expected ingest, up, gateway, model or alpha");
        }
        Path dir = data != null ? data : SampleData.dir();
        ServiceJar benchmarks = ServiceJar.benchmarks();
        System.out.println("(a) storing the 300-stock sample into PostgreSQL");
        int a = benchmarks.runMain("com.alphaquant.bench.data.StoreBench",
                List.of(dir.resolve(SampleData.BARS_300).toString()));
        System.out.println("(b) call rate against tushare-sim limited to 200 calls/min");
        int b = benchmarks.runMain("com.alphaquant.bench.data.RateBench", List.of(dir.toString(), Integer.toString(calls)));
        System.out.println("(c) calls planned for a full-market daily load");
        int c = benchmarks.runMain("com.alphaquant.bench.data.PlanBench",
                List.of(dir.resolve(SampleData.TRADE_CAL).toString()));
        return Math.max(a, Math.max(b, c));
    }
}
