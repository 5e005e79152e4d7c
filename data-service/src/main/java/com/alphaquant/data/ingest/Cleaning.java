package com.alphaquant.data.ingest;

import com.alphaquant.data.store.BarStore.AdjFactor;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates Tushare rows before they are stored. A row that fails is counted under its reason
 * (malformed, ohlc_inconsistent, negative_volume, suspended, unit_mismatch, duplicate) and
 * reported with the job, never silently dropped.
 */
public final class Cleaning {

    /** Rows that passed, and the count of those that did not by reason. */
    public record Result<T>(List<T> accepted, Map<String, Long> rejected) {
        public long rejectedCount() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Cleaning() {
    }

    /**
     * @param checkUnits compare the day's average price with its range (stocks only: index
     *                   volumes are not in the same units as their points)
     */
    public static Result<Bar> bars(TushareTable table, boolean checkUnits) {
        Map<String, Integer> col = table.columns();
        List<Bar> accepted = new ArrayList<>(table.size());
        Map<String, Long> rejected = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (List<Object> row : table.items()) {
            String reason;
            try {
                reason = barProblem(row, col, checkUnits);
                if (reason == null) {
                    Bar bar = new Bar(TsCode.of(text(row, col, "ts_code")), date(row, col, "trade_date"),
                            num(row, col, "open"), num(row, col, "high"), num(row, col, "low"), num(row, col, "close"),
                            num(row, col, "pre_close"), num(row, col, "vol"), num(row, col, "amount"), Double.NaN);
                    if (seen.add(bar.tsCode() + "|" + bar.tradeDate())) {
                        accepted.add(bar);
                    } else {
                        reason = "duplicate";
                    }
                }
            } catch (RuntimeException e) {
                reason = "malformed";
            }
            if (reason != null) {
                rejected.merge(reason, 1L, Long::sum);
            }
        }
        return new Result<>(accepted, rejected);
    }

    /** Why a bar row cannot be stored, or null when it is fine. */
    private static String barProblem(List<Object> row, Map<String, Integer> col, boolean checkUnits) {
        double o = num(row, col, "open");
        double h = num(row, col, "high");
        double l = num(row, col, "low");
        double c = num(row, col, "close");
        double vol = num(row, col, "vol");
        double amount = num(row, col, "amount");
        if (!(o > 0 && h > 0 && l > 0 && c > 0 && num(row, col, "pre_close") > 0)) {
            return "malformed";
        }
        if (h < l || h < o || h < c || l > o || l > c) {
            return "ohlc_inconsistent";
        }
        if (vol < 0 || amount < 0) {
            return "negative_volume";
        }
        if (vol == 0) {
            return "suspended";
        }
        // The day's average price (amount in thousand CNY, vol in lots: amount·10/vol) lies within
        // the day's range; a factor of 10 or 100 off means a unit error upstream.
        double vwap = amount * 10 / vol;
        if (checkUnits && (vwap < l * 0.9 || vwap > h * 1.1)) {
            return "unit_mismatch";
        }
        return null;
    }

    public static Result<AdjFactor> adjFactors(TushareTable table) {
        Map<String, Integer> col = table.columns();
        List<AdjFactor> accepted = new ArrayList<>(table.size());
        Map<String, Long> rejected = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (List<Object> row : table.items()) {
            try {
                AdjFactor f = new AdjFactor(TsCode.of(text(row, col, "ts_code")).toString(), date(row, col, "trade_date"),
                        num(row, col, "adj_factor"));
                if (!(f.adjFactor() > 0)) {
                    rejected.merge("malformed", 1L, Long::sum);
                } else if (!seen.add(f.tsCode() + "|" + f.tradeDate())) {
                    rejected.merge("duplicate", 1L, Long::sum);
                } else {
                    accepted.add(f);
                }
            } catch (RuntimeException e) {
                rejected.merge("malformed", 1L, Long::sum);
            }
        }
        return new Result<>(accepted, rejected);
    }

    static String text(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        if (v == null) {
            throw new IllegalArgumentException(name + " missing");
        }
        return v.toString();
    }

    static double num(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException(name + " missing");
    }

    static LocalDate date(List<Object> row, Map<String, Integer> col, String name) {
        return LocalDate.parse(text(row, col, name), DateTimeFormatter.BASIC_ISO_DATE);
    }
}
