package com.alphaquant.alpha.rl;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Panels;
import com.alphaquant.alpha.evaluation.DaySplits;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.factor.engine.StockSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

/**
 * A synthetic market with one planted signal: each stock's next-day return is
 * {@code −STRENGTH · (CSRank(Delta(close, 5)) − ½)} plus noise, so the last five days' losers
 * bounce; nothing else predicts it. Labels over one session.
 */
final class PlantedPanel {

    static final int STOCKS = 40;
    static final int DAYS = 260;
    static final LocalDate FIRST = LocalDate.of(2021, 1, 4);
    private static final double STRENGTH = 0.02;
    private static final double NOISE = 0.01;

    private PlantedPanel() {
    }

    static ScoringContext context(long seed) {
        AlphaPanel panel = panel(seed);
        return new ScoringContext(panel, DaySplits.of(panel, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 11, 1), 1));
    }

    static AlphaPanel panel(long seed) {
        Random random = new Random(seed);
        double[][] close = new double[STOCKS][DAYS];
        double[][] volume = new double[STOCKS][DAYS];
        for (int s = 0; s < STOCKS; s++) {
            close[s][0] = 10 + random.nextDouble();
        }
        for (int t = 1; t < DAYS; t++) {
            double[] delta = new double[STOCKS];
            for (int s = 0; s < STOCKS; s++) {
                delta[s] = t > 5 ? close[s][t - 1] - close[s][t - 6] : 0;
            }
            double[] rank = ranks(delta);
            for (int s = 0; s < STOCKS; s++) {
                double r = (t > 5 ? -STRENGTH * (rank[s] - 0.5) : 0) + NOISE * random.nextGaussian();
                close[s][t] = close[s][t - 1] * Math.exp(r);
            }
        }
        for (int s = 0; s < STOCKS; s++) {
            for (int t = 0; t < DAYS; t++) {
                volume[s][t] = 1e5 * Math.exp(0.3 * random.nextGaussian());
            }
        }
        StockSeries[] stocks = new StockSeries[STOCKS];
        for (int s = 0; s < STOCKS; s++) {
            stocks[s] = Panels.stock(String.format("600%03d.SH", s), FIRST, close[s], volume[s], null);
        }
        return Panels.of(stocks);
    }

    /** Percentile ranks in (0, 1]. */
    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            rank[order[i]] = (i + 1.0) / v.length;
        }
        return rank;
    }
}
