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
 * {@code alphaquant bench up}: seconds to ready and peak memory of {@code alphaquant up}, cold and warm.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "ingest or up")
    String what;

    @Option(names = "--data", description = "Folder of the real sample (default: the repository's data/sample)")
    Path data;

    @Option(names = "--calls", defaultValue = "250", description = "Calls for the rate benchmark (default ${DEFAULT-VALUE})")
    int calls;

    @Override
    public Integer call() throws Exception {
        if (what.equals("up")) {
            return com.alphaquant.cli.up.UpBench.run(System.out);
        }
        if (!what.equals("ingest")) {
            throw new IllegalArgumentException("Unknown benchmark '" + what + "': expected ingest or up");
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
