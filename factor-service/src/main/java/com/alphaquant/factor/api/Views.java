package com.alphaquant.factor.api;

import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.mined.FormulaSpan;
import com.alphaquant.factor.mined.MinedFormula;
import com.alphaquant.factor.evaluation.CorrelationMatrix;
import com.alphaquant.factor.evaluation.InformationCoefficient.IcReport;
import com.alphaquant.factor.evaluation.Summary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Response bodies. NaN becomes null: JSON has no NaN. */
final class Views {

    private Views() {
    }

    record CatalogEntry(String name, String category, int window, int firstRow, String formula) {
        static CatalogEntry of(FactorDefinition f) {
            return new CatalogEntry(f.name(), f.category().name().toLowerCase(Locale.ROOT), f.window(), f.firstRow(),
                    f.formula());
        }

        /** A mined formula: its span of bars ({@link FormulaSpan}), the first row that span allows, its function form. */
        static CatalogEntry mined(MinedFormula f) {
            int span = FormulaSpan.of(FunctionForm.parse(f.formula()));
            return new CatalogEntry(f.name(), MINED, span, span - 1, f.formula());
        }
    }

    /** The catalog category of mined formulas. */
    static final String MINED = "mined";

    /** Heatmap-ready: {@code matrix[i][j]} is the correlation of names[i] and names[j]. */
    record CorrelationView(String method, LocalDate start, LocalDate end, int stocks, List<String> names,
                           Double[][] matrix, int[][] observations) {
        static CorrelationView of(CorrelationMatrix m, LocalDate start, LocalDate end, int stocks) {
            Double[][] matrix = new Double[m.matrix().length][];
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = new Double[m.matrix()[i].length];
                for (int j = 0; j < matrix[i].length; j++) {
                    matrix[i][j] = orNull(m.matrix()[i][j]);
                }
            }
            return new CorrelationView(m.method().name().toLowerCase(Locale.ROOT), start, end, stocks, m.names(), matrix,
                    m.observations());
        }
    }

    record Stats(Double mean, Double std, Double ir, int days) {
        static Stats of(Summary s) {
            return new Stats(orNull(s.mean()), orNull(s.std()), orNull(s.ir()), s.days());
        }
    }

    record Day(String tradeDate, Double ic, Double rankIc, int observations) {
    }

    record Quantile(int quantile, Double meanForwardReturn) {
    }

    /**
     * @param returns how forward returns are measured
     */
    record IcView(String name, LocalDate start, LocalDate end, int horizon, int quantiles, int stocks, String returns,
                  Stats ic, Stats rankIc, List<Quantile> quantileReturns, Double topMinusBottom, List<Day> series) {

        static final String RETURNS = "close-to-close on adjusted close (raw × adj_factor), from each session to the "
                + "session `horizon` sessions later; quantile 1 holds the lowest factor values";

        static IcView of(IcReport r, String name, LocalDate start, LocalDate end, int horizon, int quantiles, int stocks) {
            List<Quantile> q = new ArrayList<>();
            for (int i = 0; i < r.quantileMeans().length; i++) {
                q.add(new Quantile(i + 1, orNull(r.quantileMeans()[i])));
            }
            double[] means = r.quantileMeans();
            Double spread = orNull(means[means.length - 1] - means[0]);
            List<Day> series = new ArrayList<>();
            for (int d = 0; d < r.dates().length; d++) {
                series.add(new Day(FactorTableWriter.isoDate(r.dates()[d], new StringBuilder()).toString(), orNull(r.ic()[d]),
                        orNull(r.rankIc()[d]), r.observations()[d]));
            }
            return new IcView(name, start, end, horizon, quantiles, stocks, RETURNS, Stats.of(r.icSummary()),
                    Stats.of(r.rankIcSummary()), q, spread, series);
        }
    }

    /** One industry's mean daily rank IC of a factor, over {@code days} days with at least 3 of its stocks. */
    record IndustryIcEntry(String industryCode, String name, Double meanRankIc, int days) {
    }

    /** Per factor, its rank IC within each industry; {@code returns} as in {@link IcView}. */
    record IndustryIcView(LocalDate start, LocalDate end, int horizon, int stocks, String returns,
                          Map<String, List<IndustryIcEntry>> factors) {

        static IndustryIcView of(Map<String, List<com.alphaquant.factor.industry.IndustryIc.Result>> results,
                                 Map<String, String> names, LocalDate start, LocalDate end, int horizon, int stocks) {
            Map<String, List<IndustryIcEntry>> factors = new java.util.LinkedHashMap<>();
            results.forEach((factor, rows) -> factors.put(factor, rows.stream()
                    .map(r -> new IndustryIcEntry(r.industry(), names.get(r.industry()), orNull(r.meanIc()), r.days())).toList()));
            return new IndustryIcView(start, end, horizon, stocks, IcView.RETURNS, factors);
        }
    }

    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
