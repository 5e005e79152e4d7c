package com.alphaquant.strategy.live;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.factors.FactorClient;
import com.alphaquant.strategy.industries.IndustryClient;
import com.alphaquant.strategy.industries.IndustryProperties;
import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.portfolio.DayDecision;
import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.store.SignalStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * One day's signals of one strategy: factors (factor-service) + predictions (stored) → the
 * scorer of libs/strategy → target weights → risk manager. The same computation serves the
 * Kafka path and {@code POST /evaluate}.
 */
@Service
public class SignalEngine {

    private final FactorClient factors;
    private final SignalStore store;
    private final StrategyProperties properties;
    private final IndustryClient industries;
    private final Map<String, StrategyDefinition> strategies = new LinkedHashMap<>();

    /** No industry-neutral strategies. */
    public SignalEngine(FactorClient factors, SignalStore store, StrategyProperties properties) {
        this(factors, store, properties, null, new IndustryProperties(null, null, null));
    }

    @Autowired
    public SignalEngine(FactorClient factors, SignalStore store, StrategyProperties properties, IndustryClient industries,
                        IndustryProperties industry) {
        this.factors = factors;
        this.store = store;
        this.properties = properties;
        this.industries = industries;
        for (String n : industry.neutral()) {
            if (!properties.strategies().contains(n)) {
                throw new IllegalArgumentException("alphaquant.strategy.industry.neutral names " + n
                        + ", which is not among alphaquant.strategy.strategies " + properties.strategies());
            }
        }
        properties.strategies().forEach(n -> strategies.put(n, industry.neutral().contains(n)
                ? StrategyDefinition.preset(n).industryNeutral() : StrategyDefinition.preset(n)));
    }

    public Map<String, StrategyDefinition> strategies() {
        return strategies;
    }

    public List<String> universe() {
        return properties.universe();
    }

    /** Fetches the day's factors and computes the signals of {@code strategy}. */
    public List<StrategySignal> evaluate(StrategyDefinition strategy, LocalDate asOf) {
        return evaluateDay(strategy, asOf).signals();
    }

    /**
     * The day's signals and the book they leave: factors and adjusted closes from factor-service,
     * predictions and the previous book from the store.
     */
    public Evaluation evaluateDay(StrategyDefinition strategy, LocalDate asOf) {
        FactorClient.FactorDay factorDay = factors.day(asOf, strategy.factorNames());
        CrossSection day = factorDay.crossSection();
        SignalStore.Predictions predictions = store.predictions(asOf);
        day = withPredictions(day, predictions.byCode());
        Book previous = store.previousBook(strategy.name(), strategy.version(), asOf, strategy.risk().volWindow());
        List<String> traded = properties.tradesAll() ? day.tsCodes() : properties.universe();
        Map<String, String> industryOf = strategy.signal().industryNeutral() ? industries.asOf(asOf) : Map.of();
        return compute(strategy, asOf, day, traded, previous, factorDay.closes(), industryOf, predictions.modelVersion(),
                Instant.now());
    }

    static CrossSection withPredictions(CrossSection day, Map<String, Double> byCode) {
        if (byCode.isEmpty()) {
            return day;
        }
        double[] predicted = new double[day.size()];
        Arrays.fill(predicted, Double.NaN);
        for (int i = 0; i < day.size(); i++) {
            predicted[i] = byCode.getOrDefault(day.tsCodes().get(i), Double.NaN);
        }
        return new CrossSection(day.tsCodes(), day.factors(), predicted);
    }

    /**
     * Pure, the live path with the stored book: {@link MultiFactorPortfolio#decide} (the code the
     * backtest's {@code multi_factor} strategy runs) and its signals as {@code strategy.signals}
     * events. Every signal carries its target weight after risk control and the reason codes.
     *
     * @param previous the book of the latest decision before {@code asOf} ({@link Book#EMPTY} for none)
     * @param closes   the day's closes per ts_code, adjusted basis; empty when unknown (then the
     *                 stops and volatility targeting stay inactive)
     */
    public static Evaluation compute(StrategyDefinition strategy, LocalDate asOf, CrossSection day, List<String> traded,
                                     Book previous, Map<String, Double> closes, String modelVersion, Instant now) {
        return compute(strategy, asOf, day, traded, previous, closes, Map.of(), modelVersion, now);
    }

    /** As above, with the day's industries (ts_code → industry) an industry-neutral strategy groups by. */
    public static Evaluation compute(StrategyDefinition strategy, LocalDate asOf, CrossSection day, List<String> traded,
                                     Book previous, Map<String, Double> closes, Map<String, String> industryOf,
                                     String modelVersion, Instant now) {
        DayDecision decision = strategy.portfolio().decide(day, traded, previous, closes, industryOf);
        List<StrategySignal> signals = decision.signals().stream().map(s -> new StrategySignal(
                StrategySignal.idFor(strategy.name(), asOf, s.tsCode(), strategy.version()), StrategySignal.VERSION, now,
                strategy.name(), strategy.version(), modelVersion, asOf, s.tsCode(),
                StrategySignal.Action.valueOf(s.action().name()), s.score(), s.subScores(),
                decision.target(s.tsCode()), decision.notesFor(s.tsCode()))).toList();
        return new Evaluation(signals, decision);
    }

    /**
     * Pure, from previous target weights alone (no prices: entry, high and last are NaN, so the
     * stop loss and trailing stop cannot fire, and realised volatility is unknown).
     */
    public static List<StrategySignal> compute(StrategyDefinition strategy, LocalDate asOf, CrossSection day,
                                               List<String> traded, Map<String, Double> previous,
                                               String modelVersion, Instant now) {
        return compute(strategy, asOf, day, traded, Book.ofWeights(previous), Map.of(), modelVersion, now).signals();
    }

    /** One day's published signals and the decision behind them (whose {@code next()} book is stored). */
    public record Evaluation(List<StrategySignal> signals, DayDecision decision) {

        public Book book() {
            return decision.next();
        }
    }
}
