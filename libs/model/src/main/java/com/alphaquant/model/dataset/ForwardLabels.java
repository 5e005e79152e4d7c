package com.alphaquant.model.dataset;

/**
 * The three labels of SPEC section 6 for each row of one stock, over its own next
 * {@code horizon} bars (a suspended day has no bar, as in the factors' windows). With
 * {@code C} the forward-adjusted close (raw close × adj_factor_rel) and row t the sample's day:
 * <ul>
 *   <li>{@link #RETURN}: ln(C[t+h] / C[t]), bought at day t's close, sold at the close h bars
 *       later;</li>
 *   <li>{@link #SHARPE}: mean / std · √252 of the h daily log returns ln(C[t+k] / C[t+k−1]),
 *       k = 1..h, std the sample std (h − 1); 0 when that std is 0 or h = 1;</li>
 *   <li>{@link #DRAWDOWN}: the largest fall from a running peak along C[t], C[t+1], …, C[t+h],
 *       max over k of (max(C[t..t+k]) − C[t+k]) / max(C[t..t+k]): a positive fraction in [0, 1),
 *       0 when the path never falls (SPEC section 5's max_drawdown on the forward path).</li>
 * </ul>
 * NaN for all three when the stock has fewer than h bars after t (in the bars read).
 */
final class ForwardLabels {

    static final int RETURN = 0;
    static final int SHARPE = 1;
    static final int DRAWDOWN = 2;

    private static final double ANNUAL = Math.sqrt(252);

    private ForwardLabels() {
    }

    /** Labels of rows 0..n of {@code close} into {@code out[row * 3 + label]}. */
    static void compute(double[] close, int horizon, float[] out) {
        int n = close.length;
        double[] ret = new double[n];
        for (int i = 1; i < n; i++) {
            ret[i] = Math.log(close[i] / close[i - 1]);
        }
        for (int t = 0; t < n; t++) {
            int o = t * Samples.LABELS;
            if (t + horizon >= n) {
                out[o + RETURN] = Float.NaN;
                out[o + SHARPE] = Float.NaN;
                out[o + DRAWDOWN] = Float.NaN;
                continue;
            }
            double sum = 0;
            double peak = close[t];
            double drawdown = 0;
            for (int k = 1; k <= horizon; k++) {
                sum += ret[t + k];
                peak = Math.max(peak, close[t + k]);
                drawdown = Math.max(drawdown, (peak - close[t + k]) / peak);
            }
            double mean = sum / horizon;
            double ss = 0;
            for (int k = 1; k <= horizon; k++) {
                double d = ret[t + k] - mean;
                ss += d * d;
            }
            double std = horizon > 1 ? Math.sqrt(ss / (horizon - 1)) : 0;
            out[o + RETURN] = (float) Math.log(close[t + horizon] / close[t]);
            out[o + SHARPE] = (float) (std > 0 ? mean / std * ANNUAL : 0.0);
            out[o + DRAWDOWN] = (float) drawdown;
        }
    }
}
