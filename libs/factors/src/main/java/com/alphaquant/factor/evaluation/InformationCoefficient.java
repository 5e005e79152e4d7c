package com.alphaquant.factor.evaluation;

/**
 * A factor's predictive power, day by day: each day's cross-section of factor values against the
 * same stocks' forward returns.
 * <ul>
 *   <li>IC: Pearson correlation of the day's pairs; rank IC: Spearman. NaN on a day with fewer
 *       than {@link #MIN_STOCKS} pairs or a constant side; such days are left out of the
 *       summaries.</li>
 *   <li>Quantile returns: each day the pairs are split by factor value into {@code quantiles}
 *       buckets of (nearly) equal count, bucket 1 the lowest values; ties share a bucket
 *       (assigned by average rank). A bucket's figure is the mean over days of that day's mean
 *       forward return. Days with fewer pairs than buckets are left out.</li>
 * </ul>
 */
public final class InformationCoefficient {

    public static final int MIN_STOCKS = 3;

    private InformationCoefficient() {
    }

    /**
     * @param factor  {@code factor[day][stock]}, NaN where no value
     * @param forward {@code forward[day][stock]}, the same stocks' forward returns, NaN where none
     */
    public static IcReport evaluate(int[] dates, double[][] factor, double[][] forward, int quantiles) {
        if (quantiles < 1) {
            throw new IllegalArgumentException("quantiles must be at least 1, got " + quantiles);
        }
        int days = dates.length;
        double[] ic = new double[days];
        double[] rankIc = new double[days];
        int[] pairs = new int[days];
        double[] bucketSum = new double[quantiles];
        int[] bucketDays = new int[quantiles];
        for (int d = 0; d < days; d++) {
            Correlation.Pairs p = Correlation.Pairs.of(factor[d], forward[d]);
            pairs[d] = p.n();
            boolean enough = p.n() >= MIN_STOCKS;
            ic[d] = enough ? Correlation.pearson(p.x(), p.y(), p.n()) : Double.NaN;
            double[] ranks = Ranks.average(p.x(), p.n());
            rankIc[d] = enough ? Correlation.pearson(ranks, Ranks.average(p.y(), p.n()), p.n()) : Double.NaN;
            if (p.n() >= quantiles && p.n() > 0) {
                addBuckets(ranks, p.y(), p.n(), quantiles, bucketSum, bucketDays);
            }
        }
        double[] quantileMeans = new double[quantiles];
        for (int q = 0; q < quantiles; q++) {
            quantileMeans[q] = bucketDays[q] == 0 ? Double.NaN : bucketSum[q] / bucketDays[q];
        }
        return new IcReport(dates, ic, rankIc, pairs, Summary.of(ic), Summary.of(rankIc), quantileMeans);
    }

    /** The bucket of average rank r (1..n) among n: floor((r − 1)·q / n), so ties stay together. */
    static int bucket(double rank, int n, int quantiles) {
        return Math.min(quantiles - 1, (int) Math.floor((rank - 1) * quantiles / n));
    }

    private static void addBuckets(double[] ranks, double[] returns, int n, int quantiles, double[] sum, int[] days) {
        double[] total = new double[quantiles];
        int[] count = new int[quantiles];
        for (int i = 0; i < n; i++) {
            int b = bucket(ranks[i], n, quantiles);
            total[b] += returns[i];
            count[b]++;
        }
        for (int q = 0; q < quantiles; q++) {
            if (count[q] > 0) {
                sum[q] += total[q] / count[q];
                days[q]++;
            }
        }
    }

    /**
     * @param observations   the pairs each day had
     * @param quantileMeans  mean forward return of buckets 1..q (lowest factor values first)
     */
    public record IcReport(int[] dates, double[] ic, double[] rankIc, int[] observations, Summary icSummary,
                           Summary rankIcSummary, double[] quantileMeans) {
    }
}
