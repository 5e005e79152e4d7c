package com.alphaquant.strategy.book;

import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.strategy.live.StrategyDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the live book's endpoints answer, computed from the stored days and the tracking backtest.
 * Returns are fractions (0.012 = 1.2%); money in CNY.
 */
public final class LiveBookViews {

    /** The book at its last day, beside its benchmark and the batch backtest of the same strategy. */
    public record Summary(String strategy, String version, LocalDate startDate, LocalDate asOf, double initialCapital,
                          double equity, double cash, double totalReturn, Double benchmarkReturn, int positions,
                          Double backtestReturn, Double trackingDifference, Double trackingError, String trackingNote) {}

    /** One day: the book, the benchmark bought with the same capital at the start, the backtest (null where it has no row). */
    public record EquityPoint(LocalDate date, double equity, Double benchmarkEquity, Double backtestEquity) {}

    public record PositionView(String tsCode, double shares, double cost, double lastClose, double marketValue, double weight,
                               double pnl) {}

    private LiveBookViews() {
    }

    public static List<EquityPoint> equity(LiveBookStore.Book book, List<LiveBookStore.Day> days, Double benchmarkBase,
                                    BacktestResult backtest) {
        Map<LocalDate, Double> tracked = new HashMap<>();
        if (backtest != null) {
            for (int i = 0; i < backtest.days(); i++) {
                tracked.put(backtest.date(i), backtest.equity(i));
            }
        }
        List<EquityPoint> points = new ArrayList<>();
        for (LiveBookStore.Day d : days) {
            Double bench = benchmarkBase == null || d.benchmarkClose() == null ? null
                    : book.initialCapital() * d.benchmarkClose() / benchmarkBase;
            points.add(new EquityPoint(d.date(), d.equity(), bench, tracked.get(d.date())));
        }
        return points;
    }

    public static Summary summary(StrategyDefinition strategy, LiveBookStore.Book book, List<LiveBookStore.Day> days, int positions,
                           BacktestResult backtest, String trackingNote) {
        LiveBookStore.Day first = days.get(0);
        LiveBookStore.Day last = days.get(days.size() - 1);
        double totalReturn = last.equity() / book.initialCapital() - 1;
        Double benchmarkReturn = first.benchmarkClose() == null || last.benchmarkClose() == null ? null
                : last.benchmarkClose() / first.benchmarkClose() - 1;
        Double backtestReturn = null;
        Double difference = null;
        Double error = null;
        if (backtest != null) {
            backtestReturn = backtest.finalEquity() / book.initialCapital() - 1;
            difference = totalReturn - backtestReturn;
            error = trackingError(days, backtest);
        }
        return new Summary(strategy.name(), strategy.version(), book.startDate(), last.date(), book.initialCapital(), last.equity(),
                last.cashCents() / 100.0, totalReturn, benchmarkReturn, positions, backtestReturn, difference, error, trackingNote);
    }

    /**
     * The sample standard deviation (n − 1) of the daily return differences, live − backtest, over
     * the days both have, × √252; null with fewer than two differences.
     */
    public static Double trackingError(List<LiveBookStore.Day> days, BacktestResult backtest) {
        Map<LocalDate, Double> tracked = new HashMap<>();
        for (int i = 0; i < backtest.days(); i++) {
            tracked.put(backtest.date(i), backtest.equity(i));
        }
        List<Double> differences = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            Double b0 = tracked.get(days.get(i - 1).date());
            Double b1 = tracked.get(days.get(i).date());
            if (b0 != null && b1 != null) {
                differences.add(days.get(i).equity() / days.get(i - 1).equity() - b1 / b0);
            }
        }
        if (differences.size() < 2) {
            return null;
        }
        double mean = differences.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = differences.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(squares / (differences.size() - 1)) * Math.sqrt(252);
    }

    public static List<PositionView> positions(List<LiveBookStore.Position> positions, double equity) {
        return positions.stream().map(p -> {
            double value = p.shares() * p.lastClose();
            return new PositionView(p.tsCode(), p.shares(), p.cost(), p.lastClose(), value, value / equity, value - p.cost());
        }).toList();
    }
}
