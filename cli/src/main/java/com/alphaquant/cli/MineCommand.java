package com.alphaquant.cli;

import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.alpha.mine.MiningReport;
import com.alphaquant.alpha.mine.MiningSetup;
import com.alphaquant.alpha.mine.MiningTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mines formulaic alphas on stored bars (by default the bundled 300-stock sample) and prints the
 * pool beside the two baselines: the best single built-in factor and the built-ins combined.
 */
@Command(name = "mine", sortOptions = false,
        description = {"Mine alpha formulas (genetic programming or a policy) and score them out of sample.",
                "Splits by time (train < valid < test, a label horizon apart); only the training days guide the search."})
final class MineCommand implements Callable<Integer> {

    @Option(names = "--method", defaultValue = "gp", paramLabel = "gp|rl", description = "the miner; default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--budget", defaultValue = "2000", paramLabel = "N",
            description = "candidate formulas evaluated (repeats are not counted); default ${DEFAULT-VALUE}")
    int budget;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "fixes the search; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--max-correlation", defaultValue = "0.7", paramLabel = "R",
            description = "refuse formulas whose |correlation| with a built-in or a pool member exceeds this; default ${DEFAULT-VALUE}")
    double maxCorrelation;

    @Option(names = "--pool-size", defaultValue = "10", paramLabel = "N", description = "formulas in the pool; default ${DEFAULT-VALUE}")
    int poolSize;

    @Option(names = "--max-tokens", defaultValue = "15", paramLabel = "N", description = "longest formula in RPN tokens (3..30); default ${DEFAULT-VALUE}")
    int maxTokens;

    @Option(names = "--valid-start", defaultValue = "2021-01-01", paramLabel = "YYYY-MM-DD", description = "first validation day; default ${DEFAULT-VALUE}")
    LocalDate validStart;

    @Option(names = "--test-start", defaultValue = "2022-01-01", paramLabel = "YYYY-MM-DD", description = "first test day; default ${DEFAULT-VALUE}")
    LocalDate testStart;

    @Option(names = "--horizon", defaultValue = "20", paramLabel = "DAYS", description = "label: forward return over this many sessions; default ${DEFAULT-VALUE}")
    int horizon;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "threads for the factor engine; default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the result as JSON (formulas, RPN, weights, metrics, data range, versions)")
    Path out;

    @Mixin
    BarsOptions input;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        Miner miner = AlphaMining.miner(method);
        MiningSetup setup = new MiningSetup(input.startDate, input.endDate, validStart, testStart, horizon);
        progress.stage("computing the panel (bar fields, 24 factors, " + horizon + "-session labels)");
        ScoringContext context = AlphaMining.context(input.stockBars(), input.indexBars(), setup, threads);
        MiningTask task = new MiningTask(context, budget, seed, maxCorrelation, poolSize, maxTokens);
        progress.stage("mining with " + method + " on " + context.panel().stockCount() + " stocks");
        ProgressBar bar = progress.bar("formulas");
        MiningReport report = AlphaMining.mine(miner, task, setup, s -> {
            if (bar != null) {
                bar.update(s.evaluated(), s.budget(), String.format(Locale.ROOT, "pool %d, train IC %.4f, %d taken",
                        s.poolSize(), s.poolTrainIc(), s.accepted()));
            }
        });
        if (bar != null) {
            bar.update(report.evaluated(), report.evaluated(), "done");
        }
        MiningTable.print(System.out, report);
        if (out != null) {
            write(report, out);
            System.out.println("result written to " + out);
        }
        return 0;
    }

    private static void write(MiningReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
