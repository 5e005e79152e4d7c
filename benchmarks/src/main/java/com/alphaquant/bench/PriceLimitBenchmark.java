package com.alphaquant.bench;

import com.alphaquant.market.Board;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.rules.PriceLimitBook;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of the rule-book questions a backtest asks per stock and day. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PriceLimitBenchmark {

    private final LocalDate date = LocalDate.of(2022, 6, 1);
    private final LocalDate listDate = LocalDate.of(2015, 3, 2);
    private final PriceLimit tenPercent = PriceLimit.symmetric(0.10);
    private double preClose = 13.37;

    @Benchmark
    public PriceLimit lookUpLimit() {
        return PriceLimitBook.limit(Board.CHINEXT, false, listDate, 500, date);
    }

    @Benchmark
    public double limitUpPrice() {
        preClose += 0.01;
        return tenPercent.limitUpPrice(preClose);
    }
}
