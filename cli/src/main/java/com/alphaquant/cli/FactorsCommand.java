package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.PanelInputBuilder;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Computes the 24 factors of SPEC section 3 for every stock and day of a bars file and writes
 * them as CSV: {@code ts_code,trade_date} and the factors in SPEC order, an empty cell for NaN.
 */
@Command(name = "factors", sortOptions = false,
        description = {"Compute the 24 SPEC factors for every stock and day of Tushare CSV bars.",
                "Writes ts_code,trade_date and the factors in SPEC order (empty cell = no value) to --out."})
final class FactorsCommand implements Callable<Integer> {

    @Option(names = "--bars", paramLabel = "FILE",
            description = "Tushare daily CSV (gzip allowed), raw prices with adj_factor_rel; default: the bundled sample")
    Path bars;

    @Option(names = "--index", paramLabel = "FILE",
            description = "Tushare index_daily CSV holding 000300.SH (for RS20); default: the bundled sample")
    Path index;

    @Option(names = "--north", paramLabel = "FILE",
            description = "Tushare moneyflow_hsgt CSV (trade_date, north_money) for NORTH_FLOW_Z; default: the bundled sample (to 2021-07-19)")
    Path north;

    @Option(names = "--stock-basic", paramLabel = "FILE",
            description = "Tushare stock_basic CSV (listing dates, for LIMIT_NET20); default: the bundled sample")
    Path stockBasic;

    @Option(names = "--trade-cal", paramLabel = "FILE", description = "Tushare trade_cal CSV; default: the bundled SSE calendar")
    Path tradeCal;

    @Option(names = "--namechange", paramLabel = "FILE",
            description = "Tushare namechange CSV (which stocks were ST on which days); default: the bundled history")
    Path namechange;

    @Option(names = "--names", split = ",", paramLabel = "FACTOR", description = "only these factors, e.g. RSI14,MACD_DIF; default: all 24")
    List<String> names;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; default: the number of cores")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output CSV; gzip when it ends in .gz")
    Path out;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        List<FactorDefinition> factors = names == null ? FactorRegistry.all() : FactorRegistry.select(names);
        int parallelism = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (parallelism < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + parallelism);
        }
        long started = System.nanoTime();

        Path barsFile = BundledSample.orDefault(bars, SampleData.COMPACT_BARS);
        progress.stage("reading " + barsFile.getFileName());
        List<Bar> stockBars = BarCsv.read(barsFile);
        if (stockBars.isEmpty()) {
            throw new IllegalArgumentException(barsFile.getFileName() + " has no bars");
        }
        PanelInputBuilder builder = PanelInput.builder().bars(stockBars)
                .benchmarkBars(BarCsv.read(BundledSample.orDefault(index, SampleData.INDEX)))
                .stockBasics(StockBasicCsv.read(BundledSample.orDefault(stockBasic, SampleData.COMPACT_STOCK_BASIC)))
                .calendar(TradeCalCsv.read(BundledSample.orDefault(tradeCal, SampleData.TRADE_CAL)))
                .st(NameChangeCsv.history(BundledSample.orDefault(namechange, SampleData.NAMECHANGE)))
                .northFlow(NorthFlowCsv.read(BundledSample.orDefault(north, SampleData.MONEYFLOW_HSGT)));
        PanelInput input = builder.build();
        stockBars = null; // the panel holds the columns now; let the bar objects go

        int stocks = input.stocks().size();
        long rows = input.stocks().stream().mapToLong(s -> s.dates().length).sum();
        progress.stage("computing " + factors.size() + " factors for " + stocks + " stocks, " + rows + " rows");
        ProgressBar bar = progress.bar("stocks");
        try (OutputStream file = open(out);
             OrderedFactorCsv csv = new OrderedFactorCsv(file, factors, stocks, bar)) {
            new FactorEngine(factors, parallelism).forEachStock(input, csv::accept);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Wrote %d rows x %d factors of %d stocks to %s in %.1f s (%,.0f factor values/s, engine %s)%n",
                rows, factors.size(), stocks, out, seconds, rows * factors.size() / seconds, FactorEngine.VERSION);
        return 0;
    }

    private static OutputStream open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream raw = Files.newOutputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }
}
