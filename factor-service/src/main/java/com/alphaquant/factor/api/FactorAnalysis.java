package com.alphaquant.factor.api;

import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.evaluation.Correlation;
import com.alphaquant.factor.evaluation.CorrelationMatrix;
import com.alphaquant.factor.evaluation.CorrelationMethod;
import com.alphaquant.factor.evaluation.ForwardReturns;
import com.alphaquant.factor.evaluation.InformationCoefficient;
import com.alphaquant.factor.industry.IndustryIc;
import com.alphaquant.market.IndustryClassification;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Layout l = Layout.of(panel, from, to, horizon);
        return InformationCoefficient.evaluate(l.days, l.factor(column(name)), l.forward, quantiles);
    }

    /**
     * Rank IC of each of {@code names} within each industry of {@code industries} (as of each
     * day), over the same days and forward returns as {@link #ic}.
     */
    static Map<String, List<IndustryIc.Result>> icByIndustry(Collection<StockFactors> panel, List<String> names, int from, int to,
                                                            int horizon, IndustryClassification industries) {
        Layout l = Layout.of(panel, from, to, horizon);
        String[][] industry = new String[l.days.length][];
        for (int d = 0; d < l.days.length; d++) {
            Map<String, String> asOf = industries.asOf(DateInts.toLocalDate(l.days[d]));
            industry[d] = l.stocks.stream().map(s -> asOf.get(s.code().toString())).toArray(String[]::new);
        }
        Map<String, List<IndustryIc.Result>> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, IndustryIc.evaluate(l.factor(column(name)), l.forward, industry, Correlation::spearman,
                    InformationCoefficient.MIN_STOCKS));
        }
        return out;
    }

    /** The evaluated days, the panel's stocks and their forward returns, day × stock. */
    private record Layout(int[] days, List<StockFactors> stocks, double[][] forward) {

        static Layout of(Collection<StockFactors> panel, int from, int to, int horizon) {
            int[] sessions = panel.stream().flatMapToInt(s -> Arrays.stream(s.dates())).distinct().sorted().toArray();
            int[] days = Arrays.stream(sessions).filter(d -> d >= from && d <= to).toArray();
            int first = Arrays.binarySearch(sessions, days.length == 0 ? from : days[0]);
            List<StockFactors> stocks = List.copyOf(panel);
            double[][] forward = new double[days.length][stocks.size()];
            for (int s = 0; s < stocks.size(); s++) {
                double[] fwd = ForwardReturns.onSessions(sessions, stocks.get(s).dates(), stocks.get(s).adjClose(), horizon);
                for (int d = 0; d < days.length; d++) {
                    forward[d][s] = fwd[first + d];
                }
            }
            return new Layout(days, stocks, forward);
        }

        /** One factor column, day × stock, NaN where a stock has no row that day. */
        double[][] factor(int column) {
            double[][] factor = new double[days.length][stocks.size()];
            for (int s = 0; s < stocks.size(); s++) {
                StockFactors stock = stocks.get(s);
                for (int d = 0; d < days.length; d++) {
                    int row = Arrays.binarySearch(stock.dates(), days[d]);
                    factor[d][s] = row < 0 ? Double.NaN : stock.values()[column][row];
                }
            }
            return factor;
        }
    }

    static int column(String name) {
        return FactorComputer.FACTORS.indexOf(FactorRegistry.get(name));
    }
}
