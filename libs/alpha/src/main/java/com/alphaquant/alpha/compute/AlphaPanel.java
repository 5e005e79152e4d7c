package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Field;
import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What formulas are evaluated over: every stock's bars, one flat array per quantity. Rows are
 * the stocks' own bars, stock after stock (stock s holds rows {@code [stockStart(s),
 * stockStart(s+1))}, dates increasing), so time-series operators run over a stock's own bars as
 * the factor engine's windows do (a suspended day has no row). For cross-sectional operators and
 * for scoring, {@link #daySlots} lists the rows day by day: day d's rows are
 * {@code daySlots[dayStart(d) .. dayStart(d+1))}, in stock order.
 *
 * <p>Holds the bar fields ({@link Field}) and the engine's 24 factors, computed once.
 */
public final class AlphaPanel {

    private final List<StockSeries> stocks;
    private final int[] stockStart;
    private final int[] sessions;
    private final int[] dayStart;
    private final int[] daySlots;
    private final int[] rowDay;
    private final int[] rowStock;
    private final double[][] fields;
    private final List<String> factorNames;
    private final Map<String, double[]> factors = new HashMap<>();

    private AlphaPanel(FactorPanel factorPanel) {
        stocks = factorPanel.stocks();
        stockStart = new int[stocks.size() + 1];
        for (int s = 0; s < stocks.size(); s++) {
            stockStart[s + 1] = stockStart[s] + stocks.get(s).size();
        }
        int rows = stockStart[stocks.size()];
        sessions = stocks.stream().flatMapToInt(st -> Arrays.stream(st.dates())).distinct().sorted().toArray();
        rowDay = new int[rows];
        rowStock = new int[rows];
        dayStart = new int[sessions.length + 1];
        for (int s = 0; s < stocks.size(); s++) {
            int[] dates = stocks.get(s).dates();
            for (int i = 0; i < dates.length; i++) {
                int d = Arrays.binarySearch(sessions, dates[i]);
                rowDay[stockStart[s] + i] = d;
                rowStock[stockStart[s] + i] = s;
                dayStart[d + 1]++;
            }
        }
        for (int d = 0; d < sessions.length; d++) {
            dayStart[d + 1] += dayStart[d];
        }
        daySlots = new int[rows];
        int[] next = Arrays.copyOf(dayStart, sessions.length);
        for (int row = 0; row < rows; row++) {
            daySlots[next[rowDay[row]]++] = row;
        }
        fields = BarFields.of(stocks, rows);
        List<String> names = new ArrayList<>();
        for (FactorDefinition f : factorPanel.factors()) {
            double[] flat = new double[rows];
            for (int s = 0; s < stocks.size(); s++) {
                double[] v = factorPanel.values(factorPanel.factorIndex(f.name()), s);
                System.arraycopy(v, 0, flat, stockStart[s], v.length);
            }
            factors.put(f.name(), flat);
            names.add(f.name());
        }
        factorNames = List.copyOf(names);
    }

    /** The panel of {@code input}, with the factors the engine computes from it. */
    public static AlphaPanel compute(PanelInput input, int parallelism) {
        return of(new FactorEngine(parallelism).compute(input));
    }

    /** The panel of the stocks, bars and factors of {@code factors}. */
    public static AlphaPanel of(FactorPanel factors) {
        return new AlphaPanel(factors);
    }

    public List<StockSeries> stocks() {
        return stocks;
    }

    public int stockCount() {
        return stocks.size();
    }

    /** The total number of rows (stock-days with a bar). */
    public int rows() {
        return rowDay.length;
    }

    /** Stock s's first row; {@code stockStart(stockCount())} is {@link #rows()}. */
    public int stockStart(int s) {
        return stockStart[s];
    }

    /** The market's sessions ({@code yyyymmdd}): every date on which some stock has a bar. */
    public int[] sessions() {
        return sessions.clone();
    }

    public int dayCount() {
        return sessions.length;
    }

    public int session(int day) {
        return sessions[day];
    }

    /** Day d's first slot in {@link #daySlot}; {@code dayStart(dayCount())} is {@link #rows()}. */
    public int dayStart(int day) {
        return dayStart[day];
    }

    /** The row in slot k of the day-major order. */
    public int daySlot(int k) {
        return daySlots[k];
    }

    /** The day (session index) of a row. */
    public int rowDay(int row) {
        return rowDay[row];
    }

    /** The stock (index into {@link #stocks()}) of a row. */
    public int rowStock(int row) {
        return rowStock[row];
    }

    /** A field's values by row; shared, not copied: do not modify. */
    public double[] field(Field field) {
        return fields[field.ordinal()];
    }

    public List<String> factorNames() {
        return factorNames;
    }

    /** A factor's values by row; shared, not copied: do not modify. */
    public double[] factor(String name) {
        double[] v = factors.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Factor '" + name + "' is not in this panel: " + factorNames);
        }
        return v;
    }

    /** {@code values} (by row) in day-major order: slot k holds {@code values[daySlot(k)]}. */
    public double[] byDay(double[] values) {
        double[] out = new double[daySlots.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[daySlots[k]];
        }
        return out;
    }

    int[] stockStarts() {
        return stockStart;
    }

    int[] dayStarts() {
        return dayStart;
    }

    int[] daySlots() {
        return daySlots;
    }
}
