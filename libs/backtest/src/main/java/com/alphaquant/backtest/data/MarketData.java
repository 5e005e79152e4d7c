package com.alphaquant.backtest.data;

import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.spec.MultiFactorParameters;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/**
 * Loads what one run needs from a {@link BarSource} and indexes it into a {@link BarPanel}, the
 * way the CLI does from files: the universe (named stocks, the weights' stocks, or every stock),
 * their bars in the run's range, the benchmark's bars, the calendar, the ST history that
 * sets ST stocks' price limits and the exchange's own limit prices where the source has them. Data problems fail with
 * a message naming the stocks, the range and the source.
 */
public final class MarketData {

    /**
     * Listing-day rules look back a few sessions from a bar (SPEC section 1); a calendar from this
     * many days before the start covers them, as the CLI's whole calendar does.
     */
    public static final int CALENDAR_LEAD_DAYS = 60;

    /** A panel and what went into it. */
    /** A panel and what went into it; {@code membership} the universe index's constituents, or null when the run has none. */
    public record Loaded(BarPanel panel, int stocks, long bars, String source, IndexMembership membership) {}

    private final BarSource source;

    public MarketData(BarSource source) {
        this.source = source;
    }

    public String describe() {
        return source.describe();
    }

    /**
     * @param progress told the fraction (0..1) of stocks fetched
     */
    public Loaded load(BacktestSpec spec, TargetWeightsStrategy weights, DoubleConsumer progress) {
        LocalDate start = spec.start();
        LocalDate end = spec.end();
        Map<TsCode, LocalDate> listDates = source.listDates();
        Set<TsCode> required = spec.requiredStocks(weights);
        Set<TsCode> codes = new TreeSet<>();
        if (required != null) {
            List<String> unknown = required.stream().filter(c -> !listDates.containsKey(c)).map(TsCode::toString).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown stock" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + ": not among the " + listDates.size() + " securities of " + source.describe());
            }
            codes.addAll(required);
        } else {
            listDates.keySet().stream().filter(c -> Board.of(c) != Board.INDEX).forEach(codes::add);
        }
        List<Bar> bars = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        int done = 0;
        for (TsCode code : codes) {
            List<Bar> rows = source.bars(code, spec.dataStart(), end);
            if (rows.isEmpty()) {
                empty.add(code.toString());
            }
            bars.addAll(rows);
            progress.accept(++done / (double) codes.size());
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("No bars between " + start + " and " + end + " for "
                    + (required == null ? "any stock" : String.join(", ", required.stream().map(TsCode::toString).toList()))
                    + " in " + source.describe());
        }
        if (required != null && !empty.isEmpty()) {
            throw new IllegalArgumentException("No bars for " + String.join(", ", empty) + " between " + start + " and " + end
                    + " in " + source.describe());
        }
        BacktestSpec.requireDataInRange(bars, start, end);
        TsCode benchmark = spec.benchmark();
        List<Bar> indexBars = null;
        if (benchmark != null) {
            indexBars = source.indexBars(benchmark, start, end);
            if (indexBars.isEmpty()) {
                throw new IllegalArgumentException("No bars of benchmark " + benchmark + " between " + start + " and " + end
                        + " in " + source.describe() + " (benchmark \"none\" runs without one)");
            }
        }
        TradingCalendar calendar = source.calendar(spec.dataStart().minusDays(CALENDAR_LEAD_DAYS), end);
        // Only an industry-neutral run asks for the classification: the others must not fail without one.
        boolean neutral = spec.strategyParameters().getOrDefault(MultiFactorParameters.INDUSTRY_NEUTRAL, 0.0) == 1;
        // The exchange's limit prices where stored, the rule book's elsewhere (BarPanel).
        BarPanel panel = BarPanel.of(calendar, bars, listDates::get, source.stHistory(spec.dataStart(), end), indexBars, benchmark,
                neutral ? source.industries() : IndustryClassification.NONE, source.exchangeLimits(codes, spec.dataStart(), end));
        return new Loaded(panel, codes.size() - empty.size(), bars.size(), source.describe(), membership(spec));
    }

    /**
     * The constituents of the run's universe index over its days; fails when none was published
     * on or before the first day, since the run could then buy nothing until one is.
     */
    private IndexMembership membership(BacktestSpec spec) {
        TsCode index = spec.universeIndex();
        if (index == null) {
            return null;
        }
        IndexMembership m = IndexMembership.of(index, source.indexWeights(index, spec.start(), spec.end()));
        if (m.asOf(spec.start()) == null) {
            throw new IllegalArgumentException("No constituents of " + index + " published on or before " + spec.start() + " in "
                    + source.describe() + (m.isEmpty() ? "" : ": its first publication in range is " + m.dates().iterator().next()));
        }
        return m;
    }
}
