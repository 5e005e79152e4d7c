package com.alphaquant.backtest.spec;

import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.engine.SlippageModel;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.backtest.strategy.DailyPredictions;
import com.alphaquant.backtest.strategy.MultiFactorStrategy;
import com.alphaquant.backtest.strategy.PointInTimeUniverse;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.CostModel;
import com.alphaquant.strategy.preset.StrategyPresets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a backtest run is asked for, validated in one place for every front end (the CLI's
 * options, backtest-service's JSON): the strategy, the date range, the universe, the benchmark
 * and the engine configuration. Built from raw values with {@link #builder()}; every refusal is
 * an {@link InvalidParameter} naming the parameter as that front end spells it ({@link Dialect}).
 * A value left null takes the default of {@link Defaults}.
 */
public final class BacktestSpec {

    /** Strategies a run can name. */
    public static final List<String> STRATEGIES = List.of(TargetWeightsStrategy.NAME, BuyAndHoldStrategy.NAME,
            MultiFactorStrategy.NAME);

    /**
     * Calendar days of bars a {@code multi_factor} run needs before its start date, so that the
     * factors are out of warm-up on the first day (MOM60 needs 61 bars: about 90 calendar days,
     * with room for the Spring Festival and suspensions).
     */
    public static final int MULTI_FACTOR_WARM_UP_DAYS = 150;

    /** Defaults, as text so that picocli can show them. */
    public static final class Defaults {
        public static final String INITIAL_CAPITAL = "1000000";
        public static final String COMMISSION = "0.0003";
        public static final String MIN_COMMISSION = "5";
        public static final String SLIPPAGE = "0.0001";
        public static final String IMPACT = "0.1";
        public static final String SLIPPAGE_CAP = "0.01";
        public static final String FILL = "open";
        public static final String RISK_FREE = "0";
        public static final String BENCHMARK = "000300.SH";

        private Defaults() {
        }
    }

    /** The parameters of a run, each with its CLI option and its JSON field (strategy parameters have no CLI option yet). */
    public enum Param {
        STRATEGY("--strategy", "strategy", "NAME", "\"buy_and_hold\""),
        WEIGHTS("--weights", "weights", "FILE (CSV trade_date,ts_code,weight)", "[{tradeDate, tsCode, weight}, ...]"),
        START_DATE("--start-date", "startDate", "yyyy-MM-dd", "\"yyyy-MM-dd\""),
        END_DATE("--end-date", "endDate", "yyyy-MM-dd", "\"yyyy-MM-dd\""),
        STOCKS("--stocks", "stocks", "A,B,...", "[\"600000.SH\", ...]"),
        UNIVERSE("--universe", "universe", "all", "\"all\""),
        INITIAL_CAPITAL("--initial-capital", "initialCapital", "CNY", "CNY"),
        COMMISSION("--commission", "commission", "RATE", "RATE"),
        MIN_COMMISSION("--min-commission", "minCommission", "CNY", "CNY"),
        STAMP_DUTY("--stamp-duty", "stampDuty", "RATE", "RATE"),
        TRANSFER_FEE("--transfer-fee", "transferFee", "RATE", "RATE"),
        SLIPPAGE("--slippage", "slippage", "RATE", "RATE"),
        IMPACT("--impact", "impact", "K", "K"),
        SLIPPAGE_CAP("--slippage-cap", "slippageCap", "RATE", "RATE"),
        FILL("--fill", "fill", "open|close|vwap", "\"open\"|\"close\"|\"vwap\""),
        CARRY_OVER("--carry-over", "carryOver", "", "true|false"),
        RISK_FREE("--risk-free", "riskFree", "RATE", "RATE"),
        BENCHMARK("--benchmark", "benchmark", "CODE", "\"000300.SH\""),
        STRATEGY_PARAMETERS("--strategy-parameter", "strategyParameters", "NAME=VALUE", "{\"name\": value}"),
        STRATEGY_PRESET("--strategy-preset", "strategyPreset", "NAME", "\"multi_factor_conservative\""),
        MODEL("--model", "model", "DIR", "\"<model id>\"");

        private final String option;
        private final String field;
        private final String optionExample;
        private final String fieldExample;

        Param(String option, String field, String optionExample, String fieldExample) {
            this.option = option;
            this.field = field;
            this.optionExample = optionExample;
            this.fieldExample = fieldExample;
        }

        public String option() {
            return option;
        }

        public String field() {
            return field;
        }
    }

    /** How parameters are named in messages: CLI options or JSON fields. */
    public enum Dialect {
        CLI, JSON;

        public String name(Param p) {
            return this == CLI ? p.option : p.field;
        }

        String withExample(Param p) {
            return name(p) + " " + (this == CLI ? p.optionExample : p.fieldExample);
        }
    }

    /** A parameter that is not acceptable; the message names the value and, where it helps, the parameter. */
    public static final class InvalidParameter extends IllegalArgumentException {
        private final Param param;

        public InvalidParameter(Param param, String message) {
            super(message);
            this.param = param;
        }

        public Param param() {
            return param;
        }
    }

    private final String strategy;
    private final List<TsCode> stocks;
    private final boolean universeAll;
    private final TsCode universeIndex;
    private final TsCode benchmark;
    private final BacktestConfig config;
    private final Map<String, Double> strategyParameters;
    private final String strategyPreset;
    private final String model;

    private BacktestSpec(String strategy, List<TsCode> stocks, boolean universeAll, TsCode universeIndex, TsCode benchmark,
                         BacktestConfig config, Map<String, Double> strategyParameters, String strategyPreset, String model) {
        this.strategy = strategy;
        this.stocks = stocks;
        this.universeAll = universeAll;
        this.universeIndex = universeIndex;
        this.benchmark = benchmark;
        this.config = config;
        this.strategyParameters = strategyParameters;
        this.strategyPreset = strategyPreset;
        this.model = model;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The parameters a strategy exposes (for grids and presets), with their defaults: those of
     * {@link MultiFactorParameters} for multi_factor; none for buy_and_hold and target_weights.
     */
    public static Map<String, Double> strategyParameterDefaults(String strategy) {
        return MultiFactorStrategy.NAME.equals(strategy) ? MultiFactorParameters.defaults() : Map.of();
    }

    /** The strategy's name, lower case, one of {@link #STRATEGIES}. */
    public String strategy() {
        return strategy;
    }

    /** Whether the strategy needs the whole panel to be built ({@link #newStrategy(Supplier, BarPanel)}). */
    public boolean needsPanel() {
        return strategy.equals(MultiFactorStrategy.NAME);
    }

    /**
     * The first day whose bars the run needs: the start date, or for multi_factor
     * {@link #MULTI_FACTOR_WARM_UP_DAYS} calendar days earlier (factor warm-up).
     */
    public LocalDate dataStart() {
        return needsPanel() ? config.start().minusDays(MULTI_FACTOR_WARM_UP_DAYS) : config.start();
    }

    public boolean needsWeights() {
        return strategy.equals(TargetWeightsStrategy.NAME);
    }

    public LocalDate start() {
        return config.start();
    }

    public LocalDate end() {
        return config.end();
    }

    /** The stocks named, or null when none were (the universe is then all stocks, or the weights' stocks). */
    public List<TsCode> stocks() {
        return stocks;
    }

    public boolean universeAll() {
        return universeAll;
    }

    /**
     * The index whose constituents of each day are the only stocks a run may buy that day (a
     * point-in-time universe, e.g. {@code 000300.SH}), or null. Bars are loaded for every stock.
     */
    public TsCode universeIndex() {
        return universeIndex;
    }

    /** The benchmark index, or null for none. */
    public TsCode benchmark() {
        return benchmark;
    }

    public BacktestConfig config() {
        return config;
    }

    public Map<String, Double> strategyParameters() {
        return strategyParameters;
    }

    /**
     * multi_factor's named preset (libs/strategy {@code presets/<name>.yml}, as strategy-service
     * runs them): its factor groups, and its values as the defaults of {@link #strategyParameters()};
     * null for the other strategies.
     */
    public String strategyPreset() {
        return strategyPreset;
    }

    /**
     * The model whose predictions are multi_factor's model sub-score, as the front end names it
     * (the CLI: a saved model's directory; backtest-service: a model id of model-service), or
     * null for none. The front end turns it into the {@link DailyPredictions} of
     * {@link #newStrategy(Supplier, BarPanel, MultiFactorStrategy.DecisionListener, IndexMembership, DailyPredictions)}.
     */
    public String model() {
        return model;
    }

    /**
     * The stocks the run needs bars of: those named, else the weights' stocks, else null meaning
     * every stock the data has; always null for multi_factor, whose percentile ranks take every
     * stock with data that day as the reference universe (the named stocks are the traded ones).
     */
    public Set<TsCode> requiredStocks(TargetWeightsStrategy weights) {
        if (needsPanel()) {
            return null; // multi_factor ranks within every stock with data (SPEC section 4), trading only those named
        }
        if (stocks != null) {
            return new LinkedHashSet<>(stocks);
        }
        if (weights != null && !universeAll && universeIndex == null) {
            return weights.stocks();
        }
        return null;
    }

    /**
     * A fresh strategy for one run (strategies keep per-run state); {@code weights} for target_weights.
     * multi_factor needs the panel: use {@link #newStrategy(Supplier, BarPanel)}.
     */
    public Strategy newStrategy(Supplier<TargetWeightsStrategy> weights) {
        if (needsPanel()) {
            throw new IllegalStateException("Strategy " + strategy + " is built over the bar panel: call newStrategy(weights, panel)");
        }
        if (needsWeights()) {
            return weights.get();
        }
        return new BuyAndHoldStrategy(stocks == null ? List.of() : stocks);
    }

    /**
     * A fresh strategy for one run over {@code panel} (the panel the engine runs on), for every
     * strategy: multi_factor computes its factors over the panel's bars here (seconds for
     * hundreds of stocks × years), trading the named stocks or all; the others ignore the panel.
     */
    public Strategy newStrategy(Supplier<TargetWeightsStrategy> weights, BarPanel panel) {
        return newStrategy(weights, panel, null);
    }

    /** As {@link #newStrategy(Supplier, BarPanel)}, telling {@code listener} each multi_factor decision (may be null). */
    public Strategy newStrategy(Supplier<TargetWeightsStrategy> weights, BarPanel panel, MultiFactorStrategy.DecisionListener listener) {
        if (universeIndex != null) {
            throw new IllegalStateException("A run over the universe " + universeIndex + " needs its constituents: "
                    + "call newStrategy(weights, panel, listener, membership)");
        }
        return newStrategy(weights, panel, listener, null, null);
    }

    /**
     * As {@link #newStrategy(Supplier, BarPanel, MultiFactorStrategy.DecisionListener)}, over the
     * point-in-time universe of {@code membership} (the constituents of {@link #universeIndex()};
     * ignored, may be null, when the run has none): multi_factor gives signals to the day's
     * members only, and no strategy may buy a stock on a day it was not a member.
     */
    public Strategy newStrategy(Supplier<TargetWeightsStrategy> weights, BarPanel panel, MultiFactorStrategy.DecisionListener listener,
                                IndexMembership membership) {
        return newStrategy(weights, panel, listener, membership, null);
    }

    /**
     * As {@link #newStrategy(Supplier, BarPanel, MultiFactorStrategy.DecisionListener, IndexMembership)},
     * multi_factor scoring the model's predictions ({@link MultiFactorStrategy#withPredictions});
     * {@code predictions} must be given exactly when the run names a {@link #model()}.
     */
    public Strategy newStrategy(Supplier<TargetWeightsStrategy> weights, BarPanel panel, MultiFactorStrategy.DecisionListener listener,
                                IndexMembership membership, DailyPredictions predictions) {
        if ((model == null) != (predictions == null)) {
            throw new IllegalStateException(model == null ? "Predictions given to a run without a model"
                    : "The run names model " + model + ": pass its predictions");
        }
        if (universeIndex == null) {
            return unrestricted(weights, panel, listener, predictions);
        }
        if (membership == null || !membership.index().equals(universeIndex)) {
            throw new IllegalArgumentException("The universe " + universeIndex + " needs that index's constituents");
        }
        Strategy inner = unrestricted(weights, panel, listener, predictions);
        if (inner instanceof MultiFactorStrategy mf) {
            inner = mf.within(membership);
        }
        return new PointInTimeUniverse(inner, membership);
    }

    private Strategy unrestricted(Supplier<TargetWeightsStrategy> weights, BarPanel panel, MultiFactorStrategy.DecisionListener listener,
                                  DailyPredictions predictions) {
        if (!needsPanel()) {
            return newStrategy(weights);
        }
        return MultiFactorStrategy.of(panel, MultiFactorParameters.portfolio(strategyPreset, strategyParameters),
                stocks == null ? List.of() : stocks,
                MultiFactorParameters.usePrices(strategyParameters), listener).withPredictions(predictions);
    }

    /** How the universe was given, for the run's record: the codes, "all" or "weights". */
    public String universeLabel() {
        return stocks != null ? stocks.stream().map(TsCode::toString).collect(Collectors.joining(","))
                : universeAll ? "all" : universeIndex != null ? universeIndex.toString() : "weights";
    }

    /** Fails naming the data's range when no bar falls between the run's start and end. */
    public static void requireDataInRange(List<Bar> bars, LocalDate start, LocalDate end) {
        LocalDate first = null;
        LocalDate last = null;
        boolean inside = false;
        for (Bar b : bars) {
            LocalDate d = b.tradeDate();
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            inside |= !d.isBefore(start) && !d.isAfter(end);
        }
        if (!inside) {
            throw new IllegalArgumentException("No bars between " + start + " and " + end + ": the data covers " + first + " to " + last);
        }
    }

    /** Parses {@code yyyy-MM-dd} or {@code yyyyMMdd}. */
    public static LocalDate parseDate(Dialect dialect, Param param, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameter(param, dialect.name(param) + " is required");
        }
        try {
            return text.length() == 8 && text.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(param, "Invalid " + dialect.name(param) + " '" + text + "': expected yyyy-MM-dd or yyyyMMdd");
        }
    }

    /** Raw values as a front end receives them; null means "not given". */
    public static final class Builder {
        private String strategy;
        private boolean weightsGiven;
        private String startDate;
        private String endDate;
        private List<String> stocks;
        private String universe;
        private Double initialCapital;
        private Double commission;
        private Double minCommission;
        private Double stampDuty;
        private Double transferFee;
        private Double slippage;
        private Double impact;
        private Double slippageCap;
        private String fill;
        private Boolean carryOver;
        private Double riskFree;
        private String benchmark;
        private Map<String, Double> strategyParameters = Map.of();
        private String strategyPreset;
        private String model;

        private Builder() {
        }

        public Builder strategy(String v) {
            strategy = v;
            return this;
        }

        public Builder weightsGiven(boolean v) {
            weightsGiven = v;
            return this;
        }

        public Builder startDate(String v) {
            startDate = v;
            return this;
        }

        public Builder endDate(String v) {
            endDate = v;
            return this;
        }

        public Builder stocks(List<String> v) {
            stocks = v;
            return this;
        }

        public Builder universe(String v) {
            universe = v;
            return this;
        }

        public Builder initialCapital(Double v) {
            initialCapital = v;
            return this;
        }

        public Builder commission(Double v) {
            commission = v;
            return this;
        }

        public Builder minCommission(Double v) {
            minCommission = v;
            return this;
        }

        /** Null: the dated schedule. */
        public Builder stampDuty(Double v) {
            stampDuty = v;
            return this;
        }

        /** Null: the dated schedule. */
        public Builder transferFee(Double v) {
            transferFee = v;
            return this;
        }

        public Builder slippage(Double v) {
            slippage = v;
            return this;
        }

        public Builder impact(Double v) {
            impact = v;
            return this;
        }

        public Builder slippageCap(Double v) {
            slippageCap = v;
            return this;
        }

        public Builder fill(String v) {
            fill = v;
            return this;
        }

        public Builder carryOver(Boolean v) {
            carryOver = v;
            return this;
        }

        public Builder riskFree(Double v) {
            riskFree = v;
            return this;
        }

        /** A code, or {@code none}; null: {@link Defaults#BENCHMARK}. */
        public Builder benchmark(String v) {
            benchmark = v;
            return this;
        }

        public Builder strategyParameters(Map<String, Double> v) {
            strategyParameters = v == null ? Map.of() : v;
            return this;
        }

        public Builder strategyPreset(String v) {
            strategyPreset = v;
            return this;
        }

        /** multi_factor only: the model, as the front end names it; null: none. */
        public Builder model(String v) {
            model = v;
            return this;
        }

        /**
         * Checks the values in a fixed order (cheap argument checks first) and builds the spec.
         *
         * @throws InvalidParameter naming the first parameter that is not acceptable
         */
        public BacktestSpec build(Dialect d) {
            if (strategy == null || strategy.isBlank()) {
                throw new InvalidParameter(Param.STRATEGY, d.name(Param.STRATEGY) + " is required: one of " + String.join(", ", STRATEGIES));
            }
            String name = strategy.trim().toLowerCase(Locale.ROOT);
            if (!STRATEGIES.contains(name)) {
                throw new InvalidParameter(Param.STRATEGY, "Unknown strategy '" + strategy + "': expected one of " + String.join(", ", STRATEGIES));
            }
            boolean targetWeights = name.equals(TargetWeightsStrategy.NAME);
            if (targetWeights && !weightsGiven) {
                throw new InvalidParameter(Param.WEIGHTS, "Strategy target_weights needs " + d.withExample(Param.WEIGHTS));
            }
            if (weightsGiven && !targetWeights) {
                throw new InvalidParameter(Param.WEIGHTS, d.name(Param.WEIGHTS) + " is only for strategy target_weights");
            }
            if (stocks != null && universe != null) {
                throw new InvalidParameter(Param.UNIVERSE, "Give either " + d.name(Param.STOCKS) + " or " + d.withExample(Param.UNIVERSE) + ", not both");
            }
            TsCode universeIndex = null;
            if (universe != null && !universe.trim().equalsIgnoreCase("all")) {
                universeIndex = indexUniverse(universe.trim());
            }
            if (stocks == null && universe == null && name.equals(BuyAndHoldStrategy.NAME)) {
                throw new InvalidParameter(Param.STOCKS, "Strategy buy_and_hold needs " + d.withExample(Param.STOCKS) + " or "
                        + d.withExample(Param.UNIVERSE));
            }
            String preset = null;
            if (name.equals(MultiFactorStrategy.NAME)) {
                preset = strategyPreset == null ? StrategyPresets.DEFAULT : strategyPreset;
                if (!StrategyPresets.NAMES.contains(preset)) {
                    throw new InvalidParameter(Param.STRATEGY_PRESET, "Unknown preset '" + preset + "': expected one of "
                            + String.join(", ", StrategyPresets.NAMES));
                }
            } else if (strategyPreset != null) {
                throw new InvalidParameter(Param.STRATEGY_PRESET, d.name(Param.STRATEGY_PRESET) + " is only for strategy multi_factor");
            }
            if (model != null && !name.equals(MultiFactorStrategy.NAME)) {
                throw new InvalidParameter(Param.MODEL, d.name(Param.MODEL) + " is only for strategy multi_factor (its model sub-score)");
            }
            if (model != null && model.isBlank()) {
                throw new InvalidParameter(Param.MODEL, d.name(Param.MODEL) + " is blank: name a model, or leave it out");
            }
            Map<String, Double> known = preset == null ? strategyParameterDefaults(name) : MultiFactorParameters.defaults(preset);
            Map<String, Double> parameters = new LinkedHashMap<>(known);
            for (var e : strategyParameters.entrySet()) {
                if (!known.containsKey(e.getKey())) {
                    throw new InvalidParameter(Param.STRATEGY_PARAMETERS, "Strategy " + name + " has no parameter '" + e.getKey() + "'"
                            + (known.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", known.keySet()) + ")"));
                }
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new InvalidParameter(Param.STRATEGY_PARAMETERS, "Strategy parameter '" + e.getKey() + "' must be a finite number");
                }
                parameters.put(e.getKey(), e.getValue());
            }
            if (name.equals(MultiFactorStrategy.NAME)) {
                String chosenPreset = preset;
                attempt(Param.STRATEGY_PARAMETERS, () -> MultiFactorParameters.portfolio(chosenPreset, parameters));
                attempt(Param.STRATEGY_PARAMETERS, () -> MultiFactorParameters.usePrices(parameters));
            }
            LocalDate start = parseDate(d, Param.START_DATE, startDate);
            LocalDate end = parseDate(d, Param.END_DATE, endDate);
            if (end.isBefore(start)) {
                throw new InvalidParameter(Param.END_DATE, d.name(Param.END_DATE) + " " + end + " is before " + d.name(Param.START_DATE) + " " + start);
            }
            List<TsCode> chosen = null;
            if (stocks != null) {
                chosen = new ArrayList<>();
                for (String s : stocks) {
                    String code = s == null ? "" : s.trim();
                    if (!code.isEmpty()) {
                        TsCode c = attempt(Param.STOCKS, () -> TsCode.of(code));
                        if (!chosen.contains(c)) {
                            chosen.add(c);
                        }
                    }
                }
                if (chosen.isEmpty()) {
                    throw new InvalidParameter(Param.STOCKS, d.name(Param.STOCKS) + " names no stock");
                }
                chosen = List.copyOf(chosen);
            }
            String benchmarkText = benchmark == null ? Defaults.BENCHMARK : benchmark.trim();
            TsCode benchmarkCode = benchmarkText.equalsIgnoreCase("none") ? null : attempt(Param.BENCHMARK, () -> TsCode.of(benchmarkText));

            // Each step adds one value to what the previous step accepted, so a refusal names its parameter.
            double rate = or(commission, Defaults.COMMISSION);
            double minimum = or(minCommission, Defaults.MIN_COMMISSION);
            double stamp = stampDuty == null ? Double.NaN : stampDuty;
            double transfer = transferFee == null ? Double.NaN : transferFee;
            attempt(Param.COMMISSION, () -> new CostModel(rate, 0, Double.NaN, Double.NaN));
            attempt(Param.MIN_COMMISSION, () -> new CostModel(rate, minimum, Double.NaN, Double.NaN));
            attempt(Param.STAMP_DUTY, () -> new CostModel(rate, minimum, stamp, Double.NaN));
            CostModel costs = attempt(Param.TRANSFER_FEE, () -> new CostModel(rate, minimum, stamp, transfer));
            double base = or(slippage, Defaults.SLIPPAGE);
            double k = or(impact, Defaults.IMPACT);
            double cap = or(slippageCap, Defaults.SLIPPAGE_CAP);
            SlippageModel defaults = SlippageModel.DEFAULT;
            attempt(Param.SLIPPAGE, () -> new SlippageModel(base, defaults.impact(), defaults.cap()));
            attempt(Param.IMPACT, () -> new SlippageModel(base, k, defaults.cap()));
            SlippageModel slip = attempt(Param.SLIPPAGE_CAP, () -> new SlippageModel(base, k, cap));
            FillPrice fillPrice = attempt(Param.FILL, () -> FillPrice.parse(fill == null ? Defaults.FILL : fill));
            double capital = or(initialCapital, Defaults.INITIAL_CAPITAL);
            attempt(Param.INITIAL_CAPITAL, () -> BacktestConfig.of(start, end, capital));
            double rf = or(riskFree, Defaults.RISK_FREE);
            BacktestConfig config = attempt(Param.RISK_FREE, () -> new BacktestConfig(start, end, capital, costs, slip, fillPrice,
                    carryOver != null && carryOver, rf));
            return new BacktestSpec(name, chosen, universe != null && universeIndex == null, universeIndex, benchmarkCode, config,
                    Map.copyOf(parameters), preset, model == null ? null : model.trim());
        }

        /** An index code as a universe: its constituents of each day. */
        private static TsCode indexUniverse(String text) {
            boolean index;
            try {
                index = TsCode.isValid(text) && Board.of(TsCode.of(text)) == Board.INDEX;
            } catch (IllegalArgumentException e) {
                index = false;
            }
            if (!index) {
                throw new InvalidParameter(Param.UNIVERSE, "Unknown universe '" + text + "': expected 'all' or an index whose "
                        + "constituents of each day form the universe, e.g. 000300.SH");
            }
            return TsCode.of(text);
        }

        private static double or(Double value, String fallback) {
            return value != null ? value : Double.parseDouble(fallback);
        }

        private static <T> T attempt(Param param, Supplier<T> step) {
            try {
                return step.get();
            } catch (InvalidParameter e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(param, e.getMessage());
            }
        }
    }
}
