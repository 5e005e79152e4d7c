package com.alphaquant.strategy.live;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.factors.FactorClient;
import com.alphaquant.strategy.risk.Holding;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.risk.RiskManager;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.MultiFactorScorer;
import com.alphaquant.strategy.signal.Signal;
import com.alphaquant.strategy.store.SignalStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, StrategyDefinition> strategies = new LinkedHashMap<>();

    public SignalEngine(FactorClient factors, SignalStore store, StrategyProperties properties) {
        this.factors = factors;
        this.store = store;
        this.properties = properties;
        properties.strategies().forEach(n -> strategies.put(n, StrategyDefinition.preset(n)));
    }

    public Map<String, StrategyDefinition> strategies() {
        return strategies;
    }

    public List<String> universe() {
        return properties.universe();
    }

    /** Fetches the day's factors and computes the signals of {@code strategy}. */
    public List<StrategySignal> evaluate(StrategyDefinition strategy, LocalDate asOf) {
        CrossSection day = factors.crossSection(asOf, strategy.factorNames());
        SignalStore.Predictions predictions = store.predictions(asOf);
        day = withPredictions(day, predictions.byCode());
        Map<String, Double> previous = store.previousWeights(strategy.name(), strategy.version(), asOf);
        List<String> traded = properties.tradesAll() ? day.tsCodes() : properties.universe();
        return compute(strategy, asOf, day, traded, previous, predictions.modelVersion(), Instant.now());
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
     * Pure: signals → target weights (BUY: an equal share of max_exposure among the BUYs, capped
     * by max_position; HOLD: keep the current weight; SELL: 0) → risk manager. Holdings are the
     * previous day's stored target weights; without prices their entry/high/last are NaN, so the
     * stop loss and trailing stop cannot fire (NaN comparisons are false) and realised vol is
     * NaN (no volatility scaling). Stocks held but without a signal today keep their weight.
     */
    public static List<StrategySignal> compute(StrategyDefinition strategy, LocalDate asOf, CrossSection day,
                                               List<String> traded, Map<String, Double> previous,
                                               String modelVersion, Instant now) {
        List<Signal> signals = new MultiFactorScorer(strategy.signal()).score(day, traded);
        long buys = signals.stream().filter(s -> s.action() == Signal.Action.BUY).count();
        double buyWeight = buys == 0 ? 0 : Math.min(strategy.risk().maxExposure() / buys, strategy.risk().maxPosition());
        Map<String, Double> targets = new LinkedHashMap<>(previous);
        for (Signal s : signals) {
            targets.put(s.tsCode(), switch (s.action()) {
                case BUY -> buyWeight;
                case HOLD -> previous.getOrDefault(s.tsCode(), 0.0);
                case SELL -> 0.0;
            });
        }
        Map<String, Holding> holdings = new LinkedHashMap<>();
        previous.forEach((code, w) -> holdings.put(code, new Holding(code, w, Double.NaN, Double.NaN, Double.NaN)));
        RiskDecision decision = new RiskManager(strategy.risk()).apply(targets, holdings, Double.NaN);
        return signals.stream().map(s -> new StrategySignal(
                StrategySignal.idFor(strategy.name(), asOf, s.tsCode(), strategy.version()), StrategySignal.VERSION, now,
                strategy.name(), strategy.version(), modelVersion, asOf, s.tsCode(),
                StrategySignal.Action.valueOf(s.action().name()), s.score(), s.subScores(),
                decision.targets().getOrDefault(s.tsCode(), 0.0), decision.notesFor(s.tsCode()))).toList();
    }
}
