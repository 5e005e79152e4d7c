package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A panel input cut at a date: the structural guarantee that a data set ending on a day reads
 * nothing after it (stocks, benchmark and flow alike), whatever its callers pass in.
 */
final class PanelCut {

    private PanelCut() {
    }

    /** The input without anything dated after {@code to}. */
    static PanelInput upTo(PanelInput input, int to) {
        List<StockSeries> stocks = new ArrayList<>(input.stocks().size());
        for (StockSeries s : input.stocks()) {
            int n = rowsUpTo(s.dates(), to);
            if (n == s.size()) {
                stocks.add(s);
            } else if (n > 0) {
                stocks.add(new StockSeries(s.code(), s.board(), s.listDate(), Arrays.copyOf(s.dates(), n),
                        Arrays.copyOf(s.open(), n), Arrays.copyOf(s.high(), n), Arrays.copyOf(s.low(), n),
                        Arrays.copyOf(s.close(), n), Arrays.copyOf(s.preClose(), n), Arrays.copyOf(s.vol(), n),
                        Arrays.copyOf(s.amount(), n), s.adjFactor() == null ? null : Arrays.copyOf(s.adjFactor(), n),
                        s.st() == null ? null : Arrays.copyOf(s.st(), n)));
            }
        }
        return new PanelInput(stocks, cut(input.benchmarkClose(), to), cut(input.northFlow(), to), input.calendar());
    }

    private static MarketSeries cut(MarketSeries series, int to) {
        if (series == null) {
            return null;
        }
        int n = rowsUpTo(series.dates(), to);
        return n == series.size() ? series
                : new MarketSeries(Arrays.copyOf(series.dates(), n), Arrays.copyOf(series.values(), n));
    }

    private static int rowsUpTo(int[] dates, int to) {
        int i = Arrays.binarySearch(dates, to);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
