package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Panels;
import com.alphaquant.alpha.evaluation.DaySplits;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.factor.engine.StockSeries;
import java.time.LocalDate;
import java.util.Random;

/**
 * Synthetic stocks whose next return rises with how erratic their volume is: each stock trades
 * around its own volume level with a log-dispersion σ that drifts slowly, and the return after a
 * day is 0.2 % per standard unit of that day's σ plus 1 % noise. None of the built-in factors
 * measures volume dispersion, and plain {@code Std(volume, w)} mostly measures the level, so
 * finding it takes a formula such as {@code Std(Log(volume), 20)} or
 * {@code Div(Std(volume, 20), Mean(volume, 20))}.
 */
public final class PlantedPanel {

    static final int STOCKS = 40;
    static final int DAYS = 420;

    private static ScoringContext context;

    private PlantedPanel() {
    }

    /** Train 2020, valid to the end of March 2021, test after (a 5-session label). */
    public static synchronized ScoringContext context() {
        if (context == null) {
            AlphaPanel panel = panel(17);
            context = new ScoringContext(panel, DaySplits.of(panel, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 4, 1), 5));
        }
        return context;
    }

    private static AlphaPanel panel(long seed) {
        Random random = new Random(seed);
        StockSeries[] stocks = new StockSeries[STOCKS];
        for (int s = 0; s < STOCKS; s++) {
            double level = 1e4 * Math.exp(random.nextGaussian());
            double sigma = 0.1 + 0.8 * random.nextDouble();
            double[] close = new double[DAYS];
            double[] vol = new double[DAYS];
            close[0] = 10 * Math.exp(random.nextGaussian() * 0.5);
            for (int d = 0; d < DAYS; d++) {
                vol[d] = level * Math.exp(sigma * random.nextGaussian());
                if (d + 1 < DAYS) {
                    close[d + 1] = close[d] * Math.exp(0.002 * (sigma - 0.5) / 0.25 + 0.01 * random.nextGaussian());
                }
                sigma = Math.max(0.05, Math.min(1.0, sigma + 0.02 * random.nextGaussian()));
            }
            stocks[s] = Panels.stock(String.format("%06d.SZ", s + 1), LocalDate.of(2020, 1, 1), close, vol, null);
        }
        return Panels.of(stocks);
    }
}
