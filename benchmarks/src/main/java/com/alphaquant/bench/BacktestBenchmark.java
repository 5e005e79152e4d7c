package com.alphaquant.bench;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy.Row;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.rules.Prices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A daily-rebalanced {@code target_weights} backtest (SPEC section 2b, all rules on, default
 * costs and slippage): on a synthetic 5,000-stock × 2,500-day panel (target below 5 s on two
 * cores) and on the real 300-stock sample 2018-2022 (1,200 days, target below 0.5 s). The panel and the
 * weights are built in the setup; the measured time is the engine's run.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar BacktestBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class BacktestBenchmark {

    /** 5,000 main-board stocks × 2,500 weekdays from 2015-08-03; 100 held, 10 rotated a day. */
    @State(Scope.Benchmark)
    public static class Synthetic {
        static final int STOCKS = 5_000;
        static final int DAYS = 2_500;
        BarPanel panel;
        List<Row> weights;
        BacktestConfig config;

        @Setup(Level.Trial)
        public void setUp() {
            long t0 = System.nanoTime();
            LocalDate first = LocalDate.of(2015, 8, 3);
            List<TradingCalendar.Day> calendarDays = new ArrayList<>();
            List<LocalDate> open = new ArrayList<>();
            for (LocalDate d = first; open.size() < DAYS; d = d.plusDays(1)) {
                boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
                calendarDays.add(new TradingCalendar.Day(d, weekday));
                if (weekday) {
                    open.add(d);
                }
            }
            TradingCalendar calendar = TradingCalendar.of(calendarDays);
            BarPanel.Builder builder = BarPanel.builder(calendar, first, open.get(DAYS - 1));
            Random random = new Random(42);
            TsCode[] codes = new TsCode[STOCKS];
            for (int s = 0; s < STOCKS; s++) {
                codes[s] = s < STOCKS / 2 ? TsCode.of(String.format("%06d.SH", 600000 + s))
                        : TsCode.of(String.format("%06d.SZ", 1 + s - STOCKS / 2));
                addRandomWalk(builder, codes[s], random);
            }
            panel = builder.build();
            weights = rotatingWeights(codes, open, 100, 10, random);
            config = BacktestConfig.of(open.get(0), open.get(DAYS - 1), 100_000_000);
            System.out.printf("%nsynthetic panel: %d stocks, %d bars, %d weight rows, built in %.1f s; %s%n",
                    panel.stockCount(), panel.barCount(), weights.size(), (System.nanoTime() - t0) / 1e9, describe(panel, config, weights));
        }

        /** Cent prices, ±10% limits respected, 0.5% of days suspended, a dividend now and then. */
        private static void addRandomWalk(BarPanel.Builder builder, TsCode code, Random random) {
            int[] day = new int[DAYS];
            double[] o = new double[DAYS];
            double[] h = new double[DAYS];
            double[] l = new double[DAYS];
            double[] c = new double[DAYS];
            double[] pc = new double[DAYS];
            double[] v = new double[DAYS];
            double[] a = new double[DAYS];
            double[] f = new double[DAYS];
            double close = Prices.roundHalfUpToCent(5 + random.nextDouble() * 45);
            double factor = 1.0;
            int n = 0;
            for (int d = 0; d < DAYS; d++) {
                if (random.nextInt(200) == 0) {
                    continue; // suspended
                }
                double preClose = close;
                if (random.nextInt(500) == 0 && close > 2) { // ex-dividend of 1%
                    preClose = Prices.roundHalfUpToCent(close * 0.99);
                    factor *= close / preClose;
                }
                double up = Prices.roundHalfUpToCent(preClose * 1.1);
                double down = Prices.roundHalfUpToCent(preClose * 0.9);
                double move = random.nextInt(100) == 0 ? 0.1 : random.nextGaussian() * 0.02;
                close = clamp(Prices.roundHalfUpToCent(preClose * (1 + move)), down, up);
                close = Math.max(close, 0.5);
                double opening = clamp(Prices.roundHalfUpToCent(preClose * (1 + random.nextGaussian() * 0.008)), down, up);
                opening = Math.max(opening, 0.5);
                day[n] = d;
                o[n] = opening;
                c[n] = close;
                h[n] = clamp(Prices.roundHalfUpToCent(Math.max(opening, close) * (1 + random.nextDouble() * 0.01)), Math.max(opening, close), Math.max(up, Math.max(opening, close)));
                l[n] = Math.max(0.01, Math.min(Math.min(opening, close), Prices.roundHalfUpToCent(Math.min(opening, close) * (1 - random.nextDouble() * 0.01))));
                pc[n] = preClose;
                v[n] = Math.round(20_000 + random.nextDouble() * 200_000);
                a[n] = v[n] * (opening + close) / 2 / 10;
                f[n] = factor;
                n++;
            }
            builder.addStock(code, LocalDate.of(2000, 1, 4), Arrays.copyOf(day, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                    Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(pc, n), Arrays.copyOf(v, n), Arrays.copyOf(a, n),
                    Arrays.copyOf(f, n));
        }
    }

    /** The real 300-stock sample, 2018-01-03 … 2022-12-20; 30 held, 5 rotated a day. */
    @State(Scope.Benchmark)
    public static class Sample {
        BarPanel panel;
        List<Row> weights;
        BacktestConfig config;

        @Setup(Level.Trial)
        public void setUp() {
            long t0 = System.nanoTime();
            TradingCalendar calendar = TradeCalCsv.read(sample("trade_cal_SSE_derived_20160101_20260318.csv.gz"));
            Map<TsCode, StockBasic> basics = StockBasicCsv.read(sample("stock_basic_350.csv.gz")).stream()
                    .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
            List<Bar> bars = BarCsv.read(sample("daily_raw_adj_300_20180102_20221220.csv.gz"));
            List<Bar> index = BarCsv.read(sample("index_daily_2018_2026.csv.gz"));
            panel = BarPanel.of(calendar, bars, c -> basics.get(c).listDate(), (c, d) -> false, index, TsCode.of("000300.SH"));
            List<LocalDate> days = calendar.openDays(panel.firstDay(), panel.lastDay());
            weights = rotatingWeights(panel.codes().toArray(TsCode[]::new), days, 30, 5, new Random(7));
            // the index file starts on 2018-01-03, the stocks a day earlier
            config = BacktestConfig.of(LocalDate.of(2018, 1, 3), panel.lastDay(), 10_000_000);
            System.out.printf("%nsample panel: %d stocks, %d bars, %d days, read and built in %.1f s; %s%n",
                    panel.stockCount(), panel.barCount(), days.size(), (System.nanoTime() - t0) / 1e9, describe(panel, config, weights));
        }
    }

    @Benchmark
    public BacktestResult synthetic5000x2500(Synthetic state) {
        return new BacktestEngine(state.panel, state.config).run(TargetWeightsStrategy.of(state.weights));
    }

    @Benchmark
    public BacktestResult sample300(Sample state) {
        return new BacktestEngine(state.panel, state.config).run(TargetWeightsStrategy.of(state.weights));
    }

    /** What one run does, so the figures can be judged: fills, rejections, final equity. */
    static String describe(BarPanel panel, BacktestConfig config, List<Row> weights) {
        BacktestResult r = new BacktestEngine(panel, config).run(TargetWeightsStrategy.of(weights));
        return String.format("a run: %d days, %d fills, %d rejections %s, total return %.4f",
                r.days(), r.fills().size(), r.rejections().size(), r.rejectionCounts(), r.metrics().totalReturn());
    }

    /** Every day {@code held} stocks with equal weights summing to 0.98; {@code rotate} of them replaced. */
    static List<Row> rotatingWeights(TsCode[] codes, List<LocalDate> days, int held, int rotate, Random random) {
        int[] current = new int[held];
        boolean[] in = new boolean[codes.length];
        for (int k = 0; k < held; k++) {
            int s;
            do {
                s = random.nextInt(codes.length);
            } while (in[s]);
            in[s] = true;
            current[k] = s;
        }
        List<Row> rows = new ArrayList<>(days.size() * held);
        for (LocalDate day : days) {
            for (int r = 0; r < rotate; r++) {
                int k = random.nextInt(held);
                int s;
                do {
                    s = random.nextInt(codes.length);
                } while (in[s]);
                in[current[k]] = false;
                in[s] = true;
                current[k] = s;
            }
            for (int k = 0; k < held; k++) {
                rows.add(new Row(day, codes[current[k]], 0.98 / held));
            }
        }
        return rows;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** A file of the repository's real sample ({@link SampleData}). */
    static Path sample(String name) {
        return SampleData.file(name);
    }
}
