package com.alphaquant.factor.engine;

/** The one-bar factors: RET, PRESSURE, FOMO, AMP. */
final class PriceFactors {

    private PriceFactors() {
    }

    /** RET = ln(c / c₋₁). */
    static void ret(StockWork w, double[] out) {
        System.arraycopy(w.ret(), 0, out, 0, w.n);
    }

    /** PRESSURE = ((c−l) − (h−c)) / (h−l); 0 when h = l. */
    static void pressure(StockWork w, double[] out) {
        double[] h = w.high;
        double[] l = w.low;
        double[] c = w.close;
        for (int i = 0; i < w.n; i++) {
            out[i] = h[i] == l[i] ? 0.0 : ((c[i] - l[i]) - (h[i] - c[i])) / (h[i] - l[i]);
        }
    }

    /** FOMO = (c−o) / (h−l); 0 when h = l. */
    static void fomo(StockWork w, double[] out) {
        double[] h = w.high;
        double[] l = w.low;
        for (int i = 0; i < w.n; i++) {
            out[i] = h[i] == l[i] ? 0.0 : (w.close[i] - w.open[i]) / (h[i] - l[i]);
        }
    }

    /** AMP = (h−l) / pre_close, all raw: the day's range as a fraction of the price it started from. */
    static void amp(StockWork w, double[] out) {
        StockSeries s = w.series;
        double[] h = s.high();
        double[] l = s.low();
        double[] pc = s.preClose();
        for (int i = 0; i < w.n; i++) {
            out[i] = (h[i] - l[i]) / pc[i];
        }
    }
}
