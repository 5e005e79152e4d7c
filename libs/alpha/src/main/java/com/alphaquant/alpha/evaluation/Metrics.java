package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.factor.evaluation.Correlation;
import com.alphaquant.factor.evaluation.InformationCoefficient;
import com.alphaquant.factor.evaluation.InformationCoefficient.IcReport;
import com.alphaquant.factor.evaluation.Ranks;
import com.alphaquant.factor.evaluation.Summary;
import java.util.Arrays;

/** {@link SplitMetrics} of a signal, with libs/factors' IC, rank IC and summary maths. */
final class Metrics {

    private Metrics() {
    }

    /** @param byDay the signal in day-major order */
    static SplitMetrics of(ScoringContext context, double[] byDay, DayRange days) {
        if (days.isEmpty()) {
            return new SplitMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        AlphaPanel panel = context.panel();
        int[] dates = Arrays.copyOfRange(panel.sessions(), days.from(), days.to());
        IcReport ic = InformationCoefficient.evaluate(dates, DailyCorrelation.perDay(panel, byDay, days),
                DailyCorrelation.perDay(panel, context.label(), days), 1);
        Summary rank = ic.rankIcSummary();
        return new SplitMetrics(ic.icSummary().mean(), rank.mean(), ic.icSummary().ir(), rank.ir(),
                turnover(panel, byDay, days), coverage(panel, byDay, days), ic.icSummary().days());
    }

    static double coverage(AlphaPanel panel, double[] byDay, DayRange days) {
        int from = panel.dayStart(days.from());
        int to = panel.dayStart(days.to());
        int present = 0;
        for (int k = from; k < to; k++) {
            present += Double.isNaN(byDay[k]) ? 0 : 1;
        }
        return to == from ? Double.NaN : present / (double) (to - from);
    }

    private static double turnover(AlphaPanel panel, double[] byDay, DayRange days) {
        double[] previous = null;
        double[] autocorrelation = new double[days.days()];
        Arrays.fill(autocorrelation, Double.NaN);
        for (int d = days.from(); d < days.to(); d++) {
            double[] ranks = ranksByStock(panel, byDay, d);
            if (previous != null) {
                autocorrelation[d - days.from()] = Correlation.pearson(previous, ranks);
            }
            previous = ranks;
        }
        return 1 - Summary.of(autocorrelation).mean();
    }

    /** Day d's percentile ranks by stock index, NaN for stocks without a value. */
    private static double[] ranksByStock(AlphaPanel panel, double[] byDay, int d) {
        double[] out = new double[panel.stockCount()];
        Arrays.fill(out, Double.NaN);
        int from = panel.dayStart(d);
        int to = panel.dayStart(d + 1);
        double[] values = new double[to - from];
        int[] stocks = new int[to - from];
        int m = 0;
        for (int k = from; k < to; k++) {
            if (!Double.isNaN(byDay[k])) {
                stocks[m] = panel.rowStock(panel.daySlot(k));
                values[m++] = byDay[k];
            }
        }
        double[] ranks = Ranks.average(values, m);
        for (int i = 0; i < m; i++) {
            out[stocks[i]] = ranks[i] / m;
        }
        return out;
    }
}
