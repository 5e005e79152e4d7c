package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.expr.Field;
import com.alphaquant.factor.evaluation.ForwardReturns;
import com.alphaquant.factor.engine.StockSeries;
import java.util.Arrays;

/**
 * The label formulas are scored against: libs/factors' forward return (close to close on
 * adjusted closes, over {@code horizon} market sessions, missing where the stock has no bar at
 * either end), the one factor-service's IC uses.
 */
final class ForwardLabel {

    private ForwardLabel() {
    }

    /** The forward return of every row. */
    static double[] byRow(AlphaPanel panel, int horizon) {
        int[] sessions = panel.sessions();
        double[] close = panel.field(Field.CLOSE);
        double[] out = new double[panel.rows()];
        for (int s = 0; s < panel.stockCount(); s++) {
            StockSeries stock = panel.stocks().get(s);
            int from = panel.stockStart(s);
            double[] adjClose = Arrays.copyOfRange(close, from, panel.stockStart(s + 1));
            double[] forward = ForwardReturns.onSessions(sessions, stock.dates(), adjClose, horizon);
            for (int row = from; row < panel.stockStart(s + 1); row++) {
                out[row] = forward[panel.rowDay(row)];
            }
        }
        return out;
    }
}
