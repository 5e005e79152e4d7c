package com.alphaquant.bench;

import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.portfolio.DayDecision;
import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.risk.Holding;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.risk.RiskManager;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.MultiFactorParams;
import com.alphaquant.strategy.signal.MultiFactorScorer;
import com.alphaquant.strategy.signal.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One day's multi_factor signals and risk control for 5,000 stocks (issue target: under 50 ms):
 * the scorer and risk manager alone, and the whole day as live and backtest run it
 * ({@link MultiFactorPortfolio#decide}: signals, target weights, book marked at 5,000 closes,
 * risk, next book).
 * Run: java -jar benchmarks/target/benchmarks.jar SignalBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignalBenchmark {

    private static final int STOCKS = 5_000;

    private CrossSection day;
    private List<String> codes;
    private final MultiFactorScorer scorer = new MultiFactorScorer(MultiFactorParams.DEFAULT);
    private final RiskManager risk = new RiskManager(RiskParams.DEFAULT);
    private Map<String, Holding> holdings;
    private final MultiFactorPortfolio portfolio = new MultiFactorPortfolio(MultiFactorParams.DEFAULT, RiskParams.DEFAULT);
    private Book book;
    private Map<String, Double> closes;

    @Setup
    public void panel() {
        Random random = new Random(42);
        codes = new ArrayList<>();
        for (int i = 0; i < STOCKS; i++) {
            codes.add(String.format("%06d.SZ", i));
        }
        Map<String, double[]> factors = new HashMap<>();
        for (String name : List.of("DEV20", "MACD_HIST", "RS20", "MOM20", "MOM60", "RSI14", "VOL20", "ATR14", "BOLL_PCTB", "WILLR14")) {
            double[] values = new double[STOCKS];
            for (int i = 0; i < STOCKS; i++) {
                values[i] = i % 97 == 0 ? Double.NaN : random.nextGaussian();
            }
            factors.put(name, values);
        }
        double[] predicted = new double[STOCKS];
        for (int i = 0; i < STOCKS; i++) {
            predicted[i] = random.nextGaussian() * 0.02;
        }
        day = new CrossSection(codes, factors, predicted);
        holdings = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            holdings.put(codes.get(i * 100), new Holding(codes.get(i * 100), 0.02, 10, 11, 10.5));
        }
        List<Double> returns = new ArrayList<>();
        for (int i = 0; i < RiskParams.DEFAULT.volWindow(); i++) {
            returns.add(random.nextGaussian() * 0.01);
        }
        book = new Book(holdings, returns);
        closes = new HashMap<>();
        for (String code : codes) {
            closes.put(code, 8 + random.nextDouble() * 5);
        }
    }

    @Benchmark
    public DayDecision wholeDayFor5000Stocks() {
        return portfolio.decide(day, codes, book, closes);
    }

    @Benchmark
    public RiskDecision signalsAndRiskFor5000Stocks() {
        List<Signal> signals = scorer.score(day, codes);
        Map<String, Double> targets = new HashMap<>();
        for (Signal s : signals) {
            if (s.action() == Signal.Action.BUY && targets.size() < 50) {
                targets.put(s.tsCode(), 0.02);
            }
        }
        return risk.apply(targets, holdings, 0.25);
    }
}
