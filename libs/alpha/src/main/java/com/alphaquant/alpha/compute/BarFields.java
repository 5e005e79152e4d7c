package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Field;
import com.alphaquant.factor.engine.StockSeries;
import java.util.List;

/** The bar fields of every row, as {@link Field} defines them. */
final class BarFields {

    private BarFields() {
    }

    /** {@code [field.ordinal()][row]} for the stocks laid out one after the other. */
    static double[][] of(List<StockSeries> stocks, int rows) {
        double[][] f = new double[Field.values().length][rows];
        int row = 0;
        for (StockSeries s : stocks) {
            for (int i = 0; i < s.size(); i++, row++) {
                double adj = s.adj(i);
                f[Field.OPEN.ordinal()][row] = s.open()[i] * adj;
                f[Field.HIGH.ordinal()][row] = s.high()[i] * adj;
                f[Field.LOW.ordinal()][row] = s.low()[i] * adj;
                f[Field.CLOSE.ordinal()][row] = s.close()[i] * adj;
                double vol = s.vol()[i];
                double amount = s.amount()[i];
                // amount is in thousands of CNY, vol in lots of 100 shares: CNY per share
                f[Field.VWAP.ordinal()][row] = vol == 0 || amount == 0 ? Double.NaN : amount * 10 / vol * adj;
                f[Field.VOLUME.ordinal()][row] = vol;
                f[Field.AMOUNT.ordinal()][row] = amount;
                f[Field.RETURNS.ordinal()][row] = i == 0 ? Double.NaN
                        : Math.log(f[Field.CLOSE.ordinal()][row] / f[Field.CLOSE.ordinal()][row - 1]);
            }
        }
        return f;
    }
}
