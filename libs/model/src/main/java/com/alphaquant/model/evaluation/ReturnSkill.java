package com.alphaquant.model.evaluation;

import com.alphaquant.factor.evaluation.InformationCoefficient;
import com.alphaquant.factor.evaluation.InformationCoefficient.IcReport;
import com.alphaquant.factor.evaluation.Summary;
import java.util.List;

/**
 * How well a ranking of stocks by predicted return picks the stocks whose return is realised:
 * daily IC (Pearson) and rank IC (Spearman) with their t-statistics, and the long-short decile
 * spread (mean realised return of the top decile minus the bottom one, averaged over days). The
 * same numbers for each built-in factor on the same days and stocks, so that the model is seen
 * beside the best single factor.
 *
 * @param bestFactor       the factor with the largest |mean rank IC| on these days: chosen on the
 *                         very days it is scored on, so it is a hard bar for the model to clear
 * @param bestFactorRankIc that factor's daily rank IC, sign as measured
 */
public record ReturnSkill(Summary ic, Summary rankIc, double longShortSpread, int days, String bestFactor, Summary bestFactorIc,
                          Summary bestFactorRankIc) {

    /** Deciles for the long-short spread. */
    public static final int QUANTILES = 10;

    public static ReturnSkill of(CrossSections sections, List<String> factorNames) {
        if (factorNames.size() != sections.factorCount()) {
            throw new IllegalArgumentException(factorNames.size() + " factor names for " + sections.factorCount() + " factors");
        }
        int[] dates = sections.dates();
        IcReport model = InformationCoefficient.evaluate(dates, sections.predicted(), sections.realised(), QUANTILES);
        double[] deciles = model.quantileMeans();
        double spread = deciles[QUANTILES - 1] - deciles[0];
        String best = null;
        IcReport bestReport = null;
        for (int f = 0; f < sections.factorCount(); f++) {
            IcReport r = InformationCoefficient.evaluate(dates, sections.factor(f), sections.realised(), 1);
            double strength = Math.abs(r.rankIcSummary().mean());
            if (!Double.isNaN(strength) && (bestReport == null || strength > Math.abs(bestReport.rankIcSummary().mean()))) {
                best = factorNames.get(f);
                bestReport = r;
            }
        }
        Summary none = Summary.of(new double[0]);
        return new ReturnSkill(model.icSummary(), model.rankIcSummary(), spread, dates.length, best,
                bestReport == null ? none : bestReport.icSummary(), bestReport == null ? none : bestReport.rankIcSummary());
    }
}
