package com.alphaquant.backtest.strategy;

import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.CsvRow;
import com.alphaquant.market.csv.TushareCsv;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Strategy {@code target_weights}: weights given per date, from a CSV {@code trade_date,ts_code,weight}
 * (dates {@code yyyyMMdd} or ISO). A date's weights apply as of that date's close; a date that
 * is not a trading day applies at the first close after it (never earlier: that would use the
 * information before it existed). Between dates the portfolio is held; several dates up to one
 * close collapse to the latest. At the first close of a run, the latest weights dated on or
 * before it apply. A stock absent from a date's rows has weight 0 on that date.
 *
 * <p>One instance may serve several runs in turn: a call for a day not after the previous call
 * starts afresh.
 */
public final class TargetWeightsStrategy implements Strategy {

    public static final String NAME = "target_weights";

    /** One input row. */
    public record Row(LocalDate date, TsCode code, double weight) {}

    private final LocalDate[] dates;      // distinct, ascending
    private final TsCode[][] codes;       // per date
    private final double[][] weights;     // per date
    private final Set<TsCode> stocks;

    private MarketView resolvedFor;
    private int[][] resolved;
    private LocalDate lastCall;

    private TargetWeightsStrategy(LocalDate[] dates, TsCode[][] codes, double[][] weights, Set<TsCode> stocks) {
        this.dates = dates;
        this.codes = codes;
        this.weights = weights;
        this.stocks = stocks;
    }

    /** Reads a weights CSV; a bad cell, a negative weight or a date over-weighted fails naming it. */
    public static TargetWeightsStrategy read(Path file) {
        List<Row> rows = new ArrayList<>();
        TushareCsv.forEachRow(file, List.of("trade_date", "ts_code", "weight"), row -> rows.add(toRow(row)));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Weights file " + file.getFileName() + " has no rows");
        }
        return of(rows);
    }

    private static Row toRow(CsvRow row) {
        double weight = row.number("weight");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw row.error("weight must be a finite number >= 0 (long only), got " + weight);
        }
        return new Row(row.date("trade_date"), row.tsCode("ts_code"), weight);
    }

    public static TargetWeightsStrategy of(List<Row> rows) {
        TreeMap<LocalDate, Map<TsCode, Double>> byDate = new TreeMap<>();
        Set<TsCode> stocks = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!(r.weight() >= 0) || Double.isInfinite(r.weight())) {
                throw new IllegalArgumentException("Weight of " + r.code() + " on " + r.date() + " must be a finite number >= 0, got " + r.weight());
            }
            Double previous = byDate.computeIfAbsent(r.date(), d -> new LinkedHashMap<>()).put(r.code(), r.weight());
            if (previous != null) {
                throw new IllegalArgumentException("Weights name " + r.code() + " twice on " + r.date());
            }
            stocks.add(r.code());
        }
        int n = byDate.size();
        LocalDate[] dates = new LocalDate[n];
        TsCode[][] codes = new TsCode[n][];
        double[][] weights = new double[n][];
        int i = 0;
        for (var e : byDate.entrySet()) {
            dates[i] = e.getKey();
            codes[i] = e.getValue().keySet().toArray(TsCode[]::new);
            weights[i] = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            double sum = 0;
            for (double w : weights[i]) {
                sum += w;
            }
            if (sum > 1 + 1e-6) {
                throw new IllegalArgumentException("Weights on " + dates[i] + " add up to " + sum
                        + ", more than 1 (no leverage in an A-share cash account)");
            }
            i++;
        }
        return new TargetWeightsStrategy(dates, codes, weights, Collections.unmodifiableSet(stocks));
    }

    /** Every stock named in the weights, in order of first appearance. */
    public Set<TsCode> stocks() {
        return stocks;
    }

    public LocalDate firstDate() {
        return dates.length == 0 ? null : dates[0];
    }

    public LocalDate lastDate() {
        return dates.length == 0 ? null : dates[dates.length - 1];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        LocalDate today = view.date();
        boolean first = lastCall == null || !today.isAfter(lastCall);
        LocalDate previousCall = lastCall;
        lastCall = today;
        int i = latestOnOrBefore(today);
        if (i < 0 || (!first && !dates[i].isAfter(previousCall))) {
            return false;
        }
        int[] stocksOfDate = resolve(view)[i];
        double[] w = weights[i];
        for (int k = 0; k < w.length; k++) {
            target.set(stocksOfDate[k], w[k]);
        }
        return true;
    }

    private int latestOnOrBefore(LocalDate day) {
        int lo = 0;
        int hi = dates.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[mid].isAfter(day)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }

    private int[][] resolve(MarketView view) {
        if (resolvedFor != view) {
            int[][] r = new int[dates.length][];
            for (int i = 0; i < dates.length; i++) {
                r[i] = new int[codes[i].length];
                for (int k = 0; k < codes[i].length; k++) {
                    int stock = view.indexOf(codes[i][k]);
                    if (stock < 0) {
                        throw new IllegalArgumentException("Weights on " + dates[i] + " name " + codes[i][k]
                                + ", which is not in the backtest's universe (no bars for it)");
                    }
                    r[i][k] = stock;
                }
            }
            resolved = r;
            resolvedFor = view;
        }
        return resolved;
    }
}
