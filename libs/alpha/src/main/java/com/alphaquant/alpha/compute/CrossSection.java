package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Op;
import com.alphaquant.factor.evaluation.Ranks;

/**
 * Cross-sectional operators over the stocks that have a value on each day:
 * <ul>
 *   <li>CSRank: the average rank (ties share) divided by the day's count, in (0, 1];</li>
 *   <li>CSZScore: (x − mean) / std, std the population one; missing on a day with fewer than
 *       two values or no spread.</li>
 * </ul>
 */
final class CrossSection {

    private final AlphaPanel panel;
    private final double[] values;
    private final int[] rows;

    CrossSection(AlphaPanel panel) {
        this.panel = panel;
        int widest = 0;
        for (int d = 0; d < panel.dayCount(); d++) {
            widest = Math.max(widest, panel.dayStart(d + 1) - panel.dayStart(d));
        }
        values = new double[widest];
        rows = new int[widest];
    }

    void apply(Op op, double[] x, double[] out) {
        int[] slots = panel.daySlots();
        int[] dayStart = panel.dayStarts();
        for (int d = 0; d < panel.dayCount(); d++) {
            int m = 0;
            for (int k = dayStart[d]; k < dayStart[d + 1]; k++) {
                int row = slots[k];
                out[row] = Double.NaN;
                if (!Double.isNaN(x[row])) {
                    rows[m] = row;
                    values[m++] = x[row];
                }
            }
            if (op == Op.CS_RANK) {
                rank(m, out);
            } else {
                zScore(m, out);
            }
        }
    }

    private void rank(int m, double[] out) {
        if (m == 0) {
            return;
        }
        double[] ranks = Ranks.average(values, m);
        for (int i = 0; i < m; i++) {
            out[rows[i]] = ranks[i] / m;
        }
    }

    private void zScore(int m, double[] out) {
        if (m < 2) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += values[i];
        }
        double mean = sum / m;
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double dev = values[i] - mean;
            ss += dev * dev;
        }
        double std = Math.sqrt(ss / m);
        if (std == 0) {
            return;
        }
        for (int i = 0; i < m; i++) {
            out[rows[i]] = (values[i] - mean) / std;
        }
    }
}
