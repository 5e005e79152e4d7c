package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import java.util.Arrays;

/**
 * Values in day-major order ({@link AlphaPanel#byDay}) z-scored day by day over the values
 * present (population std), laid out for {@link DailyCorrelation}: {@code z} holds 0 where a
 * value is missing, {@code present} says where one is, {@code count[d]} is how many day d has (0
 * on a day with fewer than two or no spread: such a day carries no ranking and counts as
 * having none), and the missing slots of each day are listed (a few stocks in warm-up or
 * suspended), so that sums over the stocks two series share are cheap to correct.
 */
final class DailyZ {

    final double[] z;
    final boolean[] present;
    final int[] count;
    final int[] missingStart;
    final int[] missing;

    private DailyZ(double[] z, boolean[] present, int[] count, int[] missingStart, int[] missing) {
        this.z = z;
        this.present = present;
        this.count = count;
        this.missingStart = missingStart;
        this.missing = missing;
    }

    /** {@code byDay} standardised on the days of {@code days} (other days count as having no value). */
    static DailyZ of(AlphaPanel panel, double[] byDay, DayRange days) {
        double[] z = new double[byDay.length];
        boolean[] present = new boolean[byDay.length];
        int[] count = new int[panel.dayCount()];
        int[] missingStart = new int[panel.dayCount() + 1];
        int[] missing = new int[16];
        int missed = 0;
        for (int d = 0; d < panel.dayCount(); d++) {
            missingStart[d] = missed;
            if (d < days.from() || d >= days.to()) {
                continue;
            }
            int from = panel.dayStart(d);
            int to = panel.dayStart(d + 1);
            int n = 0;
            double sum = 0;
            for (int k = from; k < to; k++) {
                if (!Double.isNaN(byDay[k])) {
                    sum += byDay[k];
                    n++;
                }
            }
            double mean = sum / n;
            double ss = 0;
            for (int k = from; k < to; k++) {
                if (!Double.isNaN(byDay[k])) {
                    double dev = byDay[k] - mean;
                    ss += dev * dev;
                }
            }
            double std = Math.sqrt(ss / n);
            if (n < 2 || !(std > 0)) {
                continue;
            }
            count[d] = n;
            for (int k = from; k < to; k++) {
                if (Double.isNaN(byDay[k])) {
                    if (missed == missing.length) {
                        missing = Arrays.copyOf(missing, missed * 2);
                    }
                    missing[missed++] = k;
                } else {
                    z[k] = (byDay[k] - mean) / std;
                    present[k] = true;
                }
            }
        }
        missingStart[panel.dayCount()] = missed;
        return new DailyZ(z, present, count, missingStart, Arrays.copyOf(missing, missed));
    }
}
