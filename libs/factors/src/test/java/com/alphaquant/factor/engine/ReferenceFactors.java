package com.alphaquant.factor.engine;

import com.alphaquant.market.Bar;
import com.alphaquant.market.rules.PriceLimit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SPEC section 3 written the plain way, as a check on the engine: one stock's bars as a list,
 * every window recomputed from scratch for every row, recursions run forward from their seed.
 * Shares no code with the engine (only the market library's rule book, through the caller's
 * {@code limitOf}).
 */
final class ReferenceFactors {

    private ReferenceFactors() {
    }

    /**
     * @param bars            one stock's bars in date order
     * @param benchmarkMom20  MOM20 of the benchmark index by date
     * @param northFlowZ      the flow z-score by date (absent: NaN)
     * @param limitOf         the price limit in force for a bar
     */
    static Map<String, double[]> compute(List<Bar> bars, Map<LocalDate, Double> benchmarkMom20,
                                         Map<LocalDate, Double> northFlowZ, Function<Bar, PriceLimit> limitOf) {
        int n = bars.size();
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            double f = Double.isNaN(b.adjFactor()) ? 1.0 : b.adjFactor();
            o[i] = b.open() * f;
            h[i] = b.high() * f;
            l[i] = b.low() * f;
            c[i] = b.close() * f;
        }
        double[] ret = new double[n];
        for (int i = 0; i < n; i++) {
            ret[i] = i == 0 ? Double.NaN : Math.log(c[i] / c[i - 1]);
        }
        double[] tp = new double[n];
        for (int i = 0; i < n; i++) {
            tp[i] = (h[i] + l[i] + c[i]) / 3;
        }
        double[] ema12 = ema(c, 0, 12);
        double[] ema26 = ema(c, 0, 26);
        double[] dif = new double[n];
        for (int i = 0; i < n; i++) {
            dif[i] = ema12[i] - ema26[i];
        }
        double[] dea = ema(dif, 25, 9);

        Map<String, double[]> out = new LinkedHashMap<>();
        double[] v;

        out.put("RET", ret.clone());

        v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = h[i] == l[i] ? 0 : ((c[i] - l[i]) - (h[i] - c[i])) / (h[i] - l[i]);
        }
        out.put("PRESSURE", v);

        v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = h[i] == l[i] ? 0 : (c[i] - o[i]) / (h[i] - l[i]);
        }
        out.put("FOMO", v);

        v = nan(n);
        for (int i = 19; i < n; i++) {
            v[i] = c[i] / mean(c, i - 19, i) - 1;
        }
        out.put("DEV20", v);

        v = nan(n);
        for (int i = 20; i < n; i++) {
            double m = mean(ret, i - 19, i);
            double ss = 0;
            for (int j = i - 19; j <= i; j++) {
                ss += (ret[j] - m) * (ret[j] - m);
            }
            v[i] = Math.sqrt(ss / 19);
        }
        out.put("VOL20", v);

        v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            v[i] = (b.high() - b.low()) / b.preClose();
        }
        out.put("AMP", v);

        double[] gain = new double[n];
        double[] loss = new double[n];
        for (int i = 1; i < n; i++) {
            gain[i] = Math.max(c[i] - c[i - 1], 0);
            loss[i] = Math.max(c[i - 1] - c[i], 0);
        }
        double[] avgGain = wilder(gain, 1, 14);
        double[] avgLoss = wilder(loss, 1, 14);
        v = nan(n);
        for (int i = 14; i < n; i++) {
            v[i] = avgGain[i] == 0 && avgLoss[i] == 0 ? 50 : 100 * avgGain[i] / (avgGain[i] + avgLoss[i]);
        }
        out.put("RSI14", v);

        v = nan(n);
        for (int i = 25; i < n; i++) {
            v[i] = dif[i] / c[i];
        }
        out.put("MACD_DIF", v);

        v = nan(n);
        for (int i = 33; i < n; i++) {
            v[i] = (dif[i] - dea[i]) / c[i];
        }
        out.put("MACD_HIST", v);

        double[] pctb = nan(n);
        double[] width = nan(n);
        for (int i = 19; i < n; i++) {
            double m = mean(c, i - 19, i);
            double ss = 0;
            for (int j = i - 19; j <= i; j++) {
                ss += (c[j] - m) * (c[j] - m);
            }
            double sd = Math.sqrt(ss / 20);
            double upper = m + 2 * sd;
            double lower = m - 2 * sd;
            boolean stdIsZero = allEqual(c, i - 19, i);
            pctb[i] = stdIsZero ? 0.5 : (c[i] - lower) / (upper - lower);
            width[i] = stdIsZero ? 0 : (upper - lower) / m;
        }
        out.put("BOLL_PCTB", pctb);
        out.put("BOLL_WIDTH", width);

        double[] tr = new double[n];
        for (int i = 1; i < n; i++) {
            tr[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
        }
        double[] atr = wilder(tr, 1, 14);
        v = nan(n);
        for (int i = 14; i < n; i++) {
            v[i] = atr[i] / c[i];
        }
        out.put("ATR14", v);

        double[] mom20 = nan(n);
        for (int i = 20; i < n; i++) {
            mom20[i] = c[i] / c[i - 20] - 1;
        }
        out.put("MOM20", mom20);
        v = nan(n);
        for (int i = 60; i < n; i++) {
            v[i] = c[i] / c[i - 60] - 1;
        }
        out.put("MOM60", v);

        v = nan(n);
        double k = 50;
        for (int i = 8; i < n; i++) {
            double hh = Double.NEGATIVE_INFINITY;
            double ll = Double.POSITIVE_INFINITY;
            for (int j = i - 8; j <= i; j++) {
                hh = Math.max(hh, h[j]);
                ll = Math.min(ll, l[j]);
            }
            double rsv = hh == ll ? 50 : 100 * (c[i] - ll) / (hh - ll);
            k = 2.0 / 3.0 * k + 1.0 / 3.0 * rsv;
            v[i] = k;
        }
        out.put("KDJ_K", v);

        v = nan(n);
        for (int i = 19; i < n; i++) {
            double m = mean(tp, i - 19, i);
            double dev = 0;
            for (int j = i - 19; j <= i; j++) {
                dev += Math.abs(tp[j] - m);
            }
            double md = dev / 20;
            v[i] = allEqual(tp, i - 19, i) ? 0 : (tp[i] - m) / (0.015 * md);
        }
        out.put("CCI20", v);

        v = nan(n);
        for (int i = 13; i < n; i++) {
            double hh = Double.NEGATIVE_INFINITY;
            double ll = Double.POSITIVE_INFINITY;
            for (int j = i - 13; j <= i; j++) {
                hh = Math.max(hh, h[j]);
                ll = Math.min(ll, l[j]);
            }
            v[i] = hh == ll ? -50 : -100 * (hh - c[i]) / (hh - ll);
        }
        out.put("WILLR14", v);

        v = nan(n);
        for (int i = 14; i < n; i++) {
            double pos = 0;
            double neg = 0;
            for (int j = i - 13; j <= i; j++) {
                double flow = tp[j] * bars.get(j).vol();
                // "TP rose" compares the days' prices as traded when no adjustment lies between
                // them (cents, exact in any basis), else the adjusted TPs.
                Bar today = bars.get(j);
                Bar before = bars.get(j - 1);
                boolean sameFactor = adjOrOne(today) == adjOrOne(before);
                double up = sameFactor ? cents(today) - cents(before) : tp[j] - tp[j - 1];
                if (up > 0) {
                    pos += flow;
                } else if (up < 0) {
                    neg += flow;
                }
            }
            v[i] = pos == 0 && neg == 0 ? 50 : 100 * pos / (pos + neg);
        }
        out.put("MFI14", v);

        v = nan(n);
        for (int i = 5; i < n; i++) {
            double sum = 0;
            for (int j = i - 5; j < i; j++) {
                sum += bars.get(j).vol();
            }
            double m = sum / 5;
            v[i] = m == 0 ? Double.NaN : bars.get(i).vol() / m;
        }
        out.put("VOLUME_RATIO", v);

        v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            v[i] = b.vol() == 0 || b.amount() == 0 ? Double.NaN : b.close() / (b.amount() * 10 / b.vol()) - 1;
        }
        out.put("VWAP_DEV", v);

        v = nan(n);
        for (int i = 20; i < n; i++) {
            double sum = 0;
            for (int j = i - 19; j <= i; j++) {
                double amountCny = bars.get(j).amount() * 1000;
                sum += amountCny == 0 ? Double.NaN : Math.abs(ret[j]) / amountCny;
            }
            v[i] = 1e9 * (sum / 20);
        }
        out.put("ILLIQ20", v);

        v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = northFlowZ.getOrDefault(bars.get(i).tradeDate(), Double.NaN);
        }
        out.put("NORTH_FLOW_Z", v);

        v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mom20[i] - benchmarkMom20.getOrDefault(bars.get(i).tradeDate(), Double.NaN);
        }
        out.put("RS20", v);

        double[] atLimit = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            PriceLimit limit = limitOf.apply(b);
            atLimit[i] = limit == null ? Double.NaN
                    : !limit.isLimited() ? 0
                    : b.close() >= limit.limitUpPrice(b.preClose()) ? 1
                    : b.close() <= limit.limitDownPrice(b.preClose()) ? -1 : 0;
        }
        v = nan(n);
        for (int i = 19; i < n; i++) {
            double sum = 0;
            for (int j = i - 19; j <= i; j++) {
                sum += atLimit[j];
            }
            v[i] = sum;
        }
        out.put("LIMIT_NET20", v);
        return out;
    }

    /** MOM20 of an index by date, over its own bars. */
    static Map<LocalDate, Double> mom20ByDate(List<Bar> indexBars) {
        Map<LocalDate, Double> mom = new LinkedHashMap<>();
        for (int i = 20; i < indexBars.size(); i++) {
            mom.put(indexBars.get(i).tradeDate(), indexBars.get(i).close() / indexBars.get(i - 20).close() - 1);
        }
        return mom;
    }

    /** The z-score of each published flow against the 20 published values ending with it. */
    static Map<LocalDate, Double> flowZByDate(List<LocalDate> dates, List<Double> flows) {
        List<LocalDate> days = new ArrayList<>();
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            if (!Double.isNaN(flows.get(i))) {
                days.add(dates.get(i));
                x.add(flows.get(i));
            }
        }
        Map<LocalDate, Double> z = new LinkedHashMap<>();
        for (int i = 19; i < x.size(); i++) {
            double sum = 0;
            for (int j = i - 19; j <= i; j++) {
                sum += x.get(j);
            }
            double m = sum / 20;
            double ss = 0;
            boolean equal = true;
            for (int j = i - 19; j <= i; j++) {
                ss += (x.get(j) - m) * (x.get(j) - m);
                equal &= x.get(j).equals(x.get(i));
            }
            z.put(days.get(i), equal ? 0 : (x.get(i) - m) / Math.sqrt(ss / 19));
        }
        return z;
    }

    private static double[] ema(double[] x, int from, int p) {
        double[] e = nan(x.length);
        if (from + p > x.length) {
            return e;
        }
        double alpha = 2.0 / (p + 1);
        e[from + p - 1] = mean(x, from, from + p - 1);
        for (int i = from + p; i < x.length; i++) {
            e[i] = alpha * x[i] + (1 - alpha) * e[i - 1];
        }
        return e;
    }

    private static double[] wilder(double[] x, int from, int p) {
        double[] w = nan(x.length);
        if (from + p > x.length) {
            return w;
        }
        w[from + p - 1] = mean(x, from, from + p - 1);
        for (int i = from + p; i < x.length; i++) {
            w[i] = (w[i - 1] * (p - 1) + x[i]) / p;
        }
        return w;
    }

    private static double mean(double[] x, int first, int last) {
        double sum = 0;
        for (int j = first; j <= last; j++) {
            sum += x[j];
        }
        return sum / (last - first + 1);
    }

    private static boolean allEqual(double[] x, int first, int last) {
        for (int j = first; j <= last; j++) {
            if (x[j] != x[first]) {
                return false;
            }
        }
        return true;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double adjOrOne(Bar b) {
        return Double.isNaN(b.adjFactor()) ? 1.0 : b.adjFactor();
    }

    private static long cents(Bar b) {
        return Math.round(b.high() * 100) + Math.round(b.low() * 100) + Math.round(b.close() * 100);
    }
}
