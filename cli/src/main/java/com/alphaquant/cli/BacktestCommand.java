package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.ProgressListener;
import com.alphaquant.backtest.metrics.Metrics;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.synthetic.IndexWeightGenerator;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.ExchangeLimitCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.rules.Side;
import com.alphaquant.model.dataset.BundledDataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs an A-share backtest (SPEC sections 2, 2b and 5) and writes trades.csv, equity.csv,
 * rejections.csv and metrics.json. Without {@code --bars} it runs on the bundled real sample.
 */
@Command(name = "backtest", sortOptions = false, defaultValueProvider = ConfiguredDefaults.class,
        description = {"Backtest a strategy on daily A-share bars: T+1, price limits, lots, fees, slippage.",
                "Writes trades.csv, equity.csv, rejections.csv and metrics.json to --out.",
                "Cost and rule defaults come from config/alpha_config.yaml (alphaquant.backtest.defaults) where it sets them."})
final class BacktestCommand implements Callable<Integer> {

    static final List<String> STRATEGIES = BacktestSpec.STRATEGIES;

    @Option(names = "--strategy", required = true, paramLabel = "NAME",
            description = "target_weights (needs --weights), buy_and_hold, or multi_factor (SPEC section 4: factor scores, "
                    + "risk control; ranks among every stock of --bars, trades --stocks)")
    String strategy;

    @Option(names = "--strategy-parameter", paramLabel = "NAME=VALUE",
            description = "a multi_factor parameter, repeatable, e.g. buy_above=0.7 max_position=0.1 use_prices=0; "
                    + "default: the multi_factor preset (libs/strategy presets/multi_factor.yml)")
    Map<String, Double> strategyParameters;

    @Option(names = "--strategy-preset", paramLabel = "NAME",
            description = "multi_factor's named preset, as strategy-service runs it: multi_factor (default), "
                    + "multi_factor_conservative or multi_factor_aggressive; --strategy-parameter overrides its values")
    String strategyPreset;

    @Option(names = "--model", paramLabel = "DIR",
            description = "multi_factor only: a model directory saved by 'alphaquant train --out DIR' whose predicted returns "
                    + "are the model sub-score (weight_model); each day's predictions read bars up to that day's close")
    Path model;

    @Option(names = "--weights", paramLabel = "FILE", description = "CSV trade_date,ts_code,weight for target_weights")
    Path weights;

    @Option(names = "--start-date", required = true, paramLabel = "DATE", description = "first day, yyyy-MM-dd or yyyyMMdd")
    String startDate;

    @Option(names = "--end-date", required = true, paramLabel = "DATE", description = "last day, yyyy-MM-dd or yyyyMMdd")
    String endDate;

    @Option(names = "--stocks", split = ",", paramLabel = "CODE", description = "the universe, e.g. 600000.SH,600519.SH")
    List<String> stocks;

    @Option(names = "--universe", paramLabel = "all|INDEX", description = "'all': every stock in the bars file; an index "
            + "such as 000300.SH: every stock, but each day only that day's constituents (--index-weight) may be bought")
    String universe;

    @Option(names = "--initial-capital", paramLabel = "CNY", defaultValue = BacktestSpec.Defaults.INITIAL_CAPITAL, description = "default ${DEFAULT-VALUE}")
    double initialCapital;

    @Option(names = "--commission", paramLabel = "RATE", defaultValue = BacktestSpec.Defaults.COMMISSION, description = "of value, both sides; default ${DEFAULT-VALUE}")
    double commission;

    @Option(names = "--min-commission", paramLabel = "CNY", defaultValue = BacktestSpec.Defaults.MIN_COMMISSION, description = "per order; default ${DEFAULT-VALUE}")
    double minCommission;

    @Option(names = "--stamp-duty", paramLabel = "RATE", description = "sells only; default: the dated schedule (0.1%%, 0.05%% from 2023-08-28)")
    Double stampDuty;

    @Option(names = "--transfer-fee", paramLabel = "RATE", description = "both sides; default: the dated schedule (0.002%%, 0.001%% from 2022-04-29)")
    Double transferFee;

    @Option(names = "--slippage", paramLabel = "RATE", defaultValue = BacktestSpec.Defaults.SLIPPAGE, description = "base slippage; default ${DEFAULT-VALUE} (1 bp)")
    double slippage;

    @Option(names = "--impact", paramLabel = "K", defaultValue = BacktestSpec.Defaults.IMPACT,
            description = "impact k in k·sqrt(order/volume); default ${DEFAULT-VALUE}")
    double impact;

    @Option(names = "--slippage-cap", paramLabel = "RATE", defaultValue = BacktestSpec.Defaults.SLIPPAGE_CAP, description = "cap of slippage; default ${DEFAULT-VALUE}")
    double slippageCap;

    @Option(names = "--fill", paramLabel = "PRICE", defaultValue = BacktestSpec.Defaults.FILL, description = "open, close or vwap of the next day; default ${DEFAULT-VALUE}")
    String fill;

    @Option(names = "--carry-over", arity = "0..1", paramLabel = "true|false", defaultValue = "false",
            description = "retry orders stopped by a limit or a suspension on the next days; default ${DEFAULT-VALUE} (they lapse)")
    boolean carryOver;

    @Option(names = "--risk-free", paramLabel = "RATE", defaultValue = BacktestSpec.Defaults.RISK_FREE, description = "annual risk-free rate; default ${DEFAULT-VALUE}")
    double riskFree;

    @Option(names = "--benchmark", paramLabel = "CODE", defaultValue = BacktestSpec.Defaults.BENCHMARK, description = "index in --index, or 'none'; default ${DEFAULT-VALUE}")
    String benchmark;

    @Option(names = "--bars", paramLabel = "FILE", description = "Tushare daily CSV, raw prices with adj_factor_rel; default: the bundled sample")
    Path bars;

    @Option(names = "--index", paramLabel = "FILE", description = "Tushare index_daily CSV; default: the bundled sample")
    Path index;

    @Option(names = "--stock-basic", paramLabel = "FILE", description = "Tushare stock_basic CSV; default: the bundled sample")
    Path stockBasic;

    @Option(names = "--trade-cal", paramLabel = "FILE", description = "Tushare trade_cal CSV; default: the bundled SSE calendar")
    Path tradeCal;

    @Option(names = "--namechange", paramLabel = "FILE",
            description = "Tushare namechange CSV (which stocks were ST on which days); default: the bundled history")
    Path namechange;

    @Option(names = "--stk-limit", paramLabel = "FILE",
            description = "Tushare stk_limit CSV: the exchange's limit prices, used where a row exists, the rule book's elsewhere; default: none (the rule book)")
    Path stkLimit;

    @Option(names = "--index-weight", paramLabel = "FILE",
            description = "Tushare index_weight CSV for an index --universe; default: the bundled synthetic CSI 300 (docs/DATA.md)")
    Path indexWeight;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "backtest-out", description = "output folder; default ./${DEFAULT-VALUE}")
    Path out;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** The constituents of an index --universe, which must have a publication on or before the start; null without one. */
    private IndexMembership membership(BacktestSpec spec) {
        if (spec.universeIndex() == null) {
            return null;
        }
        Path file = BundledSample.orDefault(indexWeight, IndexWeightGenerator.FIXTURE);
        IndexMembership m = IndexMembership.of(spec.universeIndex(), IndexWeightCsv.read(file));
        if (m.asOf(spec.start()) == null) {
            throw new IllegalArgumentException(file.getFileName() + " has no constituents of " + spec.universeIndex()
                    + " published on or before " + spec.start());
        }
        return m;
    }

    @Override
    public Integer call() {
        // Argument checks first (shared with backtest-service), so a wrong command fails before any file is read.
        BacktestSpec spec = BacktestSpec.builder().strategy(strategy).weightsGiven(weights != null)
                .startDate(startDate).endDate(endDate).stocks(stocks).universe(universe)
                .initialCapital(initialCapital).commission(commission).minCommission(minCommission)
                .stampDuty(stampDuty).transferFee(transferFee).slippage(slippage).impact(impact).slippageCap(slippageCap)
                .fill(fill).carryOver(carryOver).riskFree(riskFree).benchmark(benchmark).strategyParameters(strategyParameters)
                .strategyPreset(strategyPreset).model(model == null ? null : model.toString())
                .build(BacktestSpec.Dialect.CLI);
        try (SavedModelPredictions predictions = model == null ? null : SavedModelPredictions.load(model)) {
            return run(spec, predictions);
        }
    }

    private int run(BacktestSpec spec, SavedModelPredictions predictions) {
        LocalDate start = spec.start();
        LocalDate end = spec.end();
        TsCode benchmarkCode = spec.benchmark();
        BacktestConfig config = spec.config();
        TargetWeightsStrategy plan = spec.needsWeights() ? TargetWeightsStrategy.read(weights) : null;

        Path barsFile = BundledSample.orDefault(bars, SampleData.COMPACT_BARS);
        progress.stage("reading " + barsFile.getFileName());
        List<Bar> allBars = BarCsv.read(barsFile);
        if (allBars.isEmpty()) {
            throw new IllegalArgumentException(barsFile.getFileName() + " has no bars");
        }
        Set<TsCode> inData = allBars.stream().map(Bar::tsCode).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<TsCode> required = spec.requiredStocks(plan);
        Set<TsCode> wanted = required != null ? required : inData;
        List<TsCode> missing = wanted.stream().filter(c -> !inData.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No bars for " + missing.stream().map(TsCode::toString).collect(Collectors.joining(", "))
                    + " in " + barsFile.getFileName() + " (it has " + inData.size() + " stocks)");
        }
        List<Bar> universeBars = wanted.size() == inData.size() ? allBars
                : allBars.stream().filter(b -> wanted.contains(b.tsCode())).toList();
        BacktestSpec.requireDataInRange(universeBars, start, end);

        Path calFile = BundledSample.orDefault(tradeCal, SampleData.TRADE_CAL);
        TradingCalendar calendar = TradeCalCsv.read(calFile);
        Path basicFile = BundledSample.orDefault(stockBasic, SampleData.COMPACT_STOCK_BASIC);
        Map<TsCode, StockBasic> basics = StockBasicCsv.read(basicFile).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity(), (a, b) -> a));
        Path namechangeFile = BundledSample.orDefault(namechange, SampleData.NAMECHANGE);
        StHistory stHistory = NameChangeCsv.history(namechangeFile);
        Path indexFile = benchmarkCode == null ? null : BundledSample.orDefault(index, SampleData.INDEX);
        List<Bar> indexBars = indexFile == null ? null : BarCsv.read(indexFile);
        if (indexBars != null && indexBars.stream().noneMatch(b -> b.tsCode().equals(benchmarkCode))) {
            throw new IllegalArgumentException(indexFile.getFileName() + " has no bars of benchmark " + benchmarkCode + " (it has "
                    + indexBars.stream().map(b -> b.tsCode().toString()).distinct().sorted().collect(Collectors.joining(", "))
                    + "; --benchmark none runs without one)");
        }
        progress.stage("indexing " + universeBars.size() + " bars of " + wanted.size() + " stocks");
        BarPanel panel = BarPanel.of(calendar, universeBars, code -> {
            StockBasic b = basics.get(code);
            return b == null ? null : b.listDate();
        }, stHistory, indexBars, benchmarkCode,
                com.alphaquant.market.IndustryClassification.fromStockBasic(basics.values()), // industry_neutral's groups
                stkLimit == null ? List.of() : ExchangeLimitCsv.read(stkLimit));

        if (predictions != null) {
            progress.stage("building the model's inputs over " + wanted.size() + " stocks");
            predictions.over(BundledDataset.panelInput(universeBars, BarCsv.read(BundledSample.orDefault(index, SampleData.INDEX)),
                    basics.values(), calendar, stHistory), start, end);
        }
        Strategy runnable = spec.newStrategy(() -> plan, panel, null, membership(spec), predictions);
        BacktestResult result = new BacktestEngine(panel, config).run(runnable, progress.shown() ? progress.bar("days")::update : ProgressListener.NONE);

        Map<String, String> runInfo = new LinkedHashMap<>();
        runInfo.put("bars", barsFile.getFileName().toString());
        runInfo.put("index", indexFile == null ? "" : indexFile.getFileName().toString());
        runInfo.put("stock_basic", basicFile.getFileName().toString());
        runInfo.put("trade_cal", calFile.getFileName().toString());
        runInfo.put("namechange", namechangeFile.getFileName().toString());
        if (stkLimit != null) {
            runInfo.put("stk_limit", stkLimit.getFileName().toString());
        }
        if (weights != null) {
            runInfo.put("weights", weights.toString());
        }
        runInfo.put("universe", spec.universeLabel());
        if (spec.strategyPreset() != null) {
            runInfo.put("strategy_preset", spec.strategyPreset());
        }
        if (!spec.strategyParameters().isEmpty()) { // every value the run used, defaults included
            runInfo.put("strategy_parameters", new TreeMap<>(spec.strategyParameters()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        if (predictions != null) {
            runInfo.put("model", predictions.describe());
            runInfo.put("model_coverage", predictions.predicted() + " of " + predictions.asked() + " stock-days predicted");
        }
        BacktestWriter.write(result, out, runInfo);
        printSummary(result, out);
        if (predictions != null) {
            System.out.printf("Model %s: %d of %d stock-days predicted (model sub-score weight %s)%n", predictions.describe(),
                    predictions.predicted(), predictions.asked(), spec.strategyParameters().get("weight_model"));
        }
        return 0;
    }

    private static void printSummary(BacktestResult r, Path out) {
        Metrics m = r.metrics();
        long buys = r.fills().stream().filter(f -> f.side() == Side.BUY).count();
        System.out.printf("Backtest %s, %s to %s: %d trading days, %d stocks, benchmark %s, engine %s%n", r.strategy(),
                r.date(0), r.date(r.days() - 1), r.days(), r.stockCount(),
                r.benchmarkCode() == null ? "none" : r.benchmarkCode(), BacktestEngine.VERSION);
        System.out.printf("%-20s %16s%n", "metric", "value");
        row("initial_capital", money(r.config().initialCapital()));
        row("final_equity", money(r.finalEquity()));
        row("total_return", percent(m.totalReturn()));
        row("annual_return", percent(m.annualReturn()));
        row("volatility", percent(m.volatility()));
        row("sharpe", ratio(m.sharpe()));
        row("sortino", ratio(m.sortino()));
        row("max_drawdown", percent(m.maxDrawdown()));
        row("calmar", ratio(m.calmar()));
        row("win_rate", percent(m.winRate()));
        row("turnover", ratio(m.turnover()));
        row("benchmark_return", percent(m.benchmarkReturn()));
        row("excess_return", percent(m.excessReturn()));
        row("alpha", percent(m.alpha()));
        row("beta", ratio(m.beta()));
        row("information_ratio", ratio(m.informationRatio()));
        List<String> reasons = new ArrayList<>();
        r.rejectionCounts().forEach((reason, count) -> reasons.add(reason.code() + " " + count));
        System.out.printf("%d fills (%d buys, %d sells); %d rejected orders%s%n", r.fills().size(), buys, r.fills().size() - buys,
                r.rejections().size(), reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
        System.out.println("Wrote " + BacktestWriter.TRADES + ", " + BacktestWriter.EQUITY + ", " + BacktestWriter.REJECTIONS
                + ", " + BacktestWriter.METRICS + " to " + out);
    }

    private static void row(String name, String value) {
        System.out.printf("%-20s %16s%n", name, value);
    }

    private static String money(double x) {
        return String.format(Locale.ROOT, "%,.2f", x);
    }

    private static String percent(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f%%", x * 100) : "n/a";
    }

    private static String ratio(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "n/a";
    }
}
