package com.alphaquant.strategy.book;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.spec.MultiFactorParameters;
import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.live.StrategyDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The batch backtest a live book is tracked against: libs/backtest's {@code multi_factor} with the
 * strategy's preset over [start, asOf], the book's capital and benchmark, on the same data source,
 * the service's universe. One run per book and as-of day, kept until the book moves on.
 */
@Service
public class Tracking {

    private record Key(String strategy, String version, LocalDate start, LocalDate asOf) {}

    private final MarketData data;
    private final StrategyProperties strategies;
    private final LiveBookProperties properties;
    private final Map<Key, BacktestResult> runs = new ConcurrentHashMap<>();

    public Tracking(BarSource source, StrategyProperties strategies, LiveBookProperties properties) {
        this.data = new MarketData(source);
        this.strategies = strategies;
        this.properties = properties;
    }

    /** The backtest over [start, asOf], or null when that range holds a single trading day (a backtest needs two). */
    public BacktestResult backtest(StrategyDefinition strategy, LiveBookStore.Book book, LocalDate asOf) {
        if (!asOf.isAfter(book.startDate())) {
            return null;
        }
        Key key = new Key(strategy.name(), strategy.version(), book.startDate(), asOf);
        return runs.computeIfAbsent(key, k -> {
            runs.keySet().removeIf(old -> old.strategy().equals(k.strategy()) && old.version().equals(k.version()));
            return run(strategy, book, asOf);
        });
    }

    private BacktestResult run(StrategyDefinition strategy, LiveBookStore.Book book, LocalDate asOf) {
        BacktestSpec.Builder spec = BacktestSpec.builder().strategy("multi_factor").strategyPreset(strategy.name())
                .startDate(book.startDate().toString()).endDate(asOf.toString()).initialCapital(book.initialCapital())
                .benchmark(properties.benchmark())
                .strategyParameters(strategy.signal().industryNeutral() ? Map.of(MultiFactorParameters.INDUSTRY_NEUTRAL, 1.0) : Map.of());
        if (!strategies.tradesAll()) {
            spec.stocks(List.copyOf(strategies.universe()));
        }
        BacktestSpec built = spec.build(BacktestSpec.Dialect.CLI);
        MarketData.Loaded loaded = data.load(built, null, fraction -> { });
        return new BacktestEngine(loaded.panel(), built.config()).run(built.newStrategy(() -> null, loaded.panel()));
    }
}
