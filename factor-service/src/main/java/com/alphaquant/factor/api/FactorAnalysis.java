package com.alphaquant.factor.api;

import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.evaluation.CorrelationMatrix;
import com.alphaquant.factor.evaluation.CorrelationMethod;
import com.alphaquant.factor.evaluation.ForwardReturns;
import com.alphaquant.factor.evaluation.InformationCoefficient;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Lays a panel out as the evaluation maths wants it: pooled columns, or day × stock cross-sections. */
final class FactorAnalysis {

    private FactorAnalysis() {
    }

    /** Every stock-day is one observation; each factor a column. */
    static CorrelationMatrix correlation(Collection<StockFactors> panel, List<String> names, CorrelationMethod method) {
        int n = panel.stream().mapToInt(StockFactors::size).sum();
        double[][] columns = new double[names.size()][n];
        int at = 0;
        for (StockFactors s : panel) {
            for (int c = 0; c < names.size(); c++) {
                System.arraycopy(s.values()[column(names.get(c))], 0, columns[c], at, s.size());
            }
            at += s.size();
        }
        return CorrelationMatrix.of(names, columns, method);
    }

    /**
     * IC of {@code name} on the sessions in [from, to] ({@code yyyymmdd}). {@code panel} must reach
     * {@code horizon} sessions past {@code to} for the last days to have forward returns; sessions
     * are the dates any stock of the panel traded.
     */
    static InformationCoefficient.IcReport ic(Collection<StockFactors> panel, String name, int from, int to, int horizon,
                                              int quantiles) {
        int[] sessions = panel.stream().flatMapToInt(s -> Arrays.stream(s.dates())).distinct().sorted().toArray();
        int[] days = Arrays.stream(sessions).filter(d -> d >= from && d <= to).toArray();
        int first = Arrays.binarySearch(sessions, days.length == 0 ? from : days[0]);
        List<StockFactors> stocks = List.copyOf(panel);
        double[][] factor = new double[days.length][stocks.size()];
        double[][] forward = new double[days.length][stocks.size()];
        int column = column(name);
        for (int s = 0; s < stocks.size(); s++) {
            StockFactors stock = stocks.get(s);
            double[] fwd = ForwardReturns.onSessions(sessions, stock.dates(), stock.adjClose(), horizon);
            for (int d = 0; d < days.length; d++) {
                int row = Arrays.binarySearch(stock.dates(), days[d]);
                factor[d][s] = row < 0 ? Double.NaN : stock.values()[column][row];
                forward[d][s] = fwd[first + d];
            }
        }
        return InformationCoefficient.evaluate(days, factor, forward, quantiles);
    }

    static int column(String name) {
        return FactorComputer.FACTORS.indexOf(FactorRegistry.get(name));
    }
}
