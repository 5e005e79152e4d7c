package com.alphaquant.backtest.job;

import com.alphaquant.support.web.BadRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The range of every number a backtest request may carry, checked at the edge before the engine
 * sees it: NaN, infinities and absurd magnitudes (JSON's 1e308, or "1e400" that reads as
 * infinity) are a 400 naming the field. The engine's own checks ({@code BacktestSpec}, the cost
 * and slippage models) agree with these ranges; {@code minCommission} has its ceiling only here.
 * The README's API section documents the same table.
 */
public final class Limits {

    /** One closed or half-open interval, with the unit shown in messages. */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded, String unit) {

        boolean contains(double x) {
            return Double.isFinite(x) && (minIncluded ? x >= min : x > min) && (maxIncluded ? x <= max : x < max);
        }

        String describe() {
            return (minIncluded ? "[" : "(") + number(min) + ", " + number(max) + (maxIncluded ? "]" : ")") + " " + unit;
        }

        private static String number(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
        }
    }

    /** The numeric request fields (those a grid may vary too), each with its range. */
    public static final Map<String, Range> NUMERIC;

    static {
        Map<String, Range> m = new LinkedHashMap<>();
        m.put("initialCapital", new Range(0, false, 1e13, false, "CNY"));
        m.put("commission", new Range(0, true, 0.1, false, "(fraction of the traded value)"));
        m.put("minCommission", new Range(0, true, 1000, true, "CNY per order"));
        m.put("stampDuty", new Range(0, true, 0.1, false, "(fraction of the sold value; null: the dated schedule)"));
        m.put("transferFee", new Range(0, true, 0.1, false, "(fraction of the traded value; null: the dated schedule)"));
        m.put("slippage", new Range(0, true, 0.1, false, "(fraction of the price)"));
        m.put("impact", new Range(0, true, 10, true, "(coefficient of sqrt(order/volume))"));
        m.put("slippageCap", new Range(0, true, 0.5, false, "(fraction of the price)"));
        m.put("riskFree", new Range(-1, false, 1, false, "(annual rate)"));
        NUMERIC = java.util.Collections.unmodifiableMap(m);
    }

    /** A target weight: a fraction of equity, long only. */
    public static final Range WEIGHT = new Range(0, true, 1, true, "(fraction of equity)");

    private Limits() {
    }

    /** Passes when the request field {@code name} is null (not given) or within its range, else a 400 naming it. */
    static void check(String name, Double value) {
        if (value == null) {
            return;
        }
        check(name, NUMERIC.get(name), value);
    }

    static void check(String field, Range range, double value) {
        if (!range.contains(value)) {
            throw new BadRequestException(field, (Double.isFinite(value) ? "must be within " : "must be a finite number within ")
                    + range.describe() + ", got " + value);
        }
    }

    /** A finite number, whatever its range (grid ends and steps, whose points are checked one by one). */
    static void finite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new BadRequestException(field, "must be a finite number, got " + value);
        }
    }
}
