package com.alphaquant.bench;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * The same six values (RSI14, MACD DIF and histogram, ATR14, Bollinger %B and width) for 200
 * synthetic stocks × 2,500 days, by the factor engine and by ta4j (DoubleNum), both on one
 * thread. The ta4j series are built in the setup; each invocation builds fresh indicators, since
 * ta4j caches values inside them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FactorEngineVsTa4jBenchmark {

    private static final List<String> SIX = List.of("RSI14", "MACD_DIF", "MACD_HIST", "ATR14", "BOLL_PCTB", "BOLL_WIDTH");

    @State(Scope.Benchmark)
    public static class Panel {
        PanelInput input;
        List<BarSeries> series;
        FactorEngine engine;

        @Setup(Level.Trial)
        public void setUp() {
            input = SyntheticFactorInput.of(200, 2_500, 7);
            engine = new FactorEngine(FactorRegistry.select(SIX), 1);
            series = new ArrayList<>();
            for (StockSeries s : input.stocks()) {
                BarSeries bars = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
                for (int i = 0; i < s.size(); i++) {
                    int d = s.dates()[i];
                    double f = s.adj(i);
                    bars.addBar(Duration.ofDays(1), LocalDate.of(d / 10_000, d / 100 % 100, d % 100).atTime(15, 0)
                                    .atZone(ZoneId.of("Asia/Shanghai")),
                            s.open()[i] * f, s.high()[i] * f, s.low()[i] * f, s.close()[i] * f, s.vol()[i]);
                }
                series.add(bars);
            }
        }
    }

    @Benchmark
    public double engineSixValues200x2500(Panel state) {
        return FactorEngineBenchmark.streamAll(state.engine, state.input);
    }

    @Benchmark
    public double ta4jSixValues200x2500(Panel state) {
        double checksum = 0;
        for (BarSeries s : state.series) {
            ClosePriceIndicator close = new ClosePriceIndicator(s);
            RSIIndicator rsi = new RSIIndicator(close, 14);
            MACDIndicator macd = new MACDIndicator(close, 12, 26);
            NumericIndicator histogram = macd.getHistogram(9);
            ATRIndicator atr = new ATRIndicator(s, 14);
            BollingerBandFacade boll = new BollingerBandFacade(close, 20, 2);
            NumericIndicator percentB = boll.percentB();
            NumericIndicator width = boll.bandwidth();
            for (int i = 0; i < s.getBarCount(); i++) {
                checksum += rsi.getValue(i).doubleValue() + macd.getValue(i).doubleValue() + histogram.getValue(i).doubleValue()
                        + atr.getValue(i).doubleValue() + percentB.getValue(i).doubleValue() + width.getValue(i).doubleValue();
            }
        }
        return checksum;
    }
}
