package com.alphaquant.factor.engine;

import com.alphaquant.market.Bar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A market-wide daily series by date (the benchmark index's close, the northbound net flow):
 * {@code values[i]} belongs to {@code dates[i]} ({@code yyyymmdd}, strictly increasing); NaN
 * where the source has no value.
 */
public record MarketSeries(int[] dates, double[] values) {

    public MarketSeries {
        if (dates == null || values == null || dates.length != values.length) {
            throw new IllegalArgumentException("A market series needs as many values as dates");
        }
        for (int i = 0; i < dates.length; i++) {
            DateInts.requireValid(dates[i], "market series");
            if (i > 0 && dates[i] <= dates[i - 1]) {
                throw new IllegalArgumentException("Market series dates must increase strictly: " + dates[i - 1]
                        + " then " + dates[i]);
            }
        }
    }

    /** Values by day, a null value NaN (not published): the shape data-service's series come in. */
    public static MarketSeries byDate(SortedMap<LocalDate, Double> values) {
        int[] dates = new int[values.size()];
        double[] out = new double[values.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Double> e : values.entrySet()) {
            dates[i] = DateInts.of(e.getKey());
            out[i++] = e.getValue() == null ? Double.NaN : e.getValue();
        }
        return new MarketSeries(dates, out);
    }

    /** The closes of one security's bars, in date order. */
    public static MarketSeries closes(Collection<Bar> bars) {
        List<Bar> sorted = bars.stream().sorted(Comparator.comparing(Bar::tradeDate)).toList();
        if (sorted.stream().map(Bar::tsCode).distinct().count() > 1) {
            throw new IllegalArgumentException("closes() takes the bars of one security, got "
                    + sorted.stream().map(Bar::tsCode).distinct().toList());
        }
        int[] dates = new int[sorted.size()];
        double[] closes = new double[sorted.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = DateInts.of(sorted.get(i).tradeDate());
            closes[i] = sorted.get(i).close();
        }
        return new MarketSeries(dates, closes);
    }

    public int size() {
        return dates.length;
    }

    /**
     * This series' values on {@code onDates[0..n)} (strictly increasing) into {@code out}, NaN on
     * dates it lacks: one merge pass, as both sides are sorted.
     */
    void alignTo(int[] onDates, int n, double[] out) {
        int j = n == 0 ? 0 : lowerBound(onDates[0]);
        for (int i = 0; i < n; i++) {
            int d = onDates[i];
            while (j < dates.length && dates[j] < d) {
                j++;
            }
            out[i] = j < dates.length && dates[j] == d ? values[j] : Double.NaN;
        }
    }

    private int lowerBound(int date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -i - 1;
    }
}
