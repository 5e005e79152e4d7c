package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.factor.evaluation.Summary;
import com.alphaquant.model.dataset.CrossSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Formulas combined linearly and scored as one signal, so that a formula counts for what it
 * adds to the others (synergy) rather than for its own IC.
 *
 * <p>Each formula's values, and the forward return, are standardised day by day as the model's
 * inputs are (libs/model's {@link CrossSection}: winsorised at median ± 3 robust std, z-scored,
 * capped); a missing value counts as 0, the day's average. The weights minimise the squared error
 * of the combination against the standardised return over every training stock-day with a return
 * (least squares, a tiny ridge so that collinear formulas still solve), and the pool is scored by
 * the combination's IC. The Gram matrix of the members is kept, so trying a candidate
 * ({@link #trainIcWith}) costs one pass per member.
 *
 * <p>Not thread-safe.
 */
public final class AlphaPool {

    private static final double RIDGE = 1e-6;

    private final ScoringContext context;
    private final double[] target;
    private final List<Expr> formulas = new ArrayList<>();
    private final List<double[]> members = new ArrayList<>();
    private final List<DailyZ> plain = new ArrayList<>();
    private double[][] gram = new double[0][0];
    private double[] cross = new double[0];
    /** {@link #trainIc()} once computed; NaN until then and after each change (NaN is also an empty pool's). */
    private double trainIc = Double.NaN;

    public AlphaPool(ScoringContext context) {
        this.context = context;
        this.target = standardised(context.panel(), context.label());
    }

    public int size() {
        return formulas.size();
    }

    public List<Expr> formulas() {
        return List.copyOf(formulas);
    }

    /** Adds a formula with its values by row (as the evaluator gives them; copied). */
    public void add(Expr formula, double[] valuesByRow) {
        double[] byDay = context.panel().byDay(valuesByRow);
        double[] member = standardised(context.panel(), byDay);
        double[] row = products(member);
        int k = members.size();
        double[][] grown = new double[k + 1][k + 1];
        for (int i = 0; i < k; i++) {
            System.arraycopy(gram[i], 0, grown[i], 0, k);
            grown[i][k] = row[i];
            grown[k][i] = row[i];
        }
        grown[k][k] = row[k];
        gram = grown;
        cross = Arrays.copyOf(cross, k + 1);
        cross[k] = row[k + 1];
        formulas.add(formula);
        trainIc = Double.NaN;
        members.add(member);
        plain.add(DailyZ.of(context.panel(), byDay, new DayRange(0, context.panel().dayCount())));
    }

    /**
     * Removes member i, as if it had never been added: the others keep their order, values and
     * products, so removing the member just added restores the pool exactly.
     */
    public void remove(int i) {
        int k = members.size();
        if (i < 0 || i >= k) {
            throw new IndexOutOfBoundsException("No member " + i + " in a pool of " + k);
        }
        gram = without(gram, i);
        double[] c = new double[k - 1];
        for (int a = 0, to = 0; a < k; a++) {
            if (a != i) {
                c[to++] = cross[a];
            }
        }
        cross = c;
        formulas.remove(i);
        members.remove(i);
        plain.remove(i);
        trainIc = Double.NaN;
    }

    /** The current least-squares weights, one per member in order (no metrics: cheaper than {@link #fit}). */
    public double[] weights() {
        return solve(gram, cross);
    }

    /** The combination's training IC refitted without member i (the pool is unchanged); NaN if none would remain. */
    public double trainIcWithout(int i) {
        List<double[]> rest = new ArrayList<>(members);
        rest.remove(i);
        double[] c = new double[cross.length - 1];
        for (int a = 0, to = 0; a < cross.length; a++) {
            if (a != i) {
                c[to++] = cross[a];
            }
        }
        return trainIc(rest, without(gram, i), c);
    }

    /** The current combination: weights and metrics on every split. */
    public PoolFit fit() {
        double[] weights = solve(gram, cross);
        double[] combination = combine(members, weights, 0, context.panel().rows());
        DaySplits s = context.splits();
        return new PoolFit(formulas, weights, Metrics.of(context, combination, s.train()),
                Metrics.of(context, combination, s.valid()), Metrics.of(context, combination, s.test()));
    }

    /** The training IC of the current combination; NaN for an empty pool. */
    public double trainIc() {
        if (Double.isNaN(trainIc)) {
            trainIc = trainIc(members, gram, cross);
        }
        return trainIc;
    }

    /** The training IC the combination would have with {@code valuesByRow} added (the pool is unchanged). */
    public double trainIcWith(double[] valuesByRow) {
        double[] member = standardised(context.panel(), context.panel().byDay(valuesByRow));
        double[] row = products(member);
        int k = members.size();
        double[][] g = new double[k + 1][k + 1];
        for (int i = 0; i < k; i++) {
            System.arraycopy(gram[i], 0, g[i], 0, k);
            g[i][k] = row[i];
            g[k][i] = row[i];
        }
        g[k][k] = row[k];
        double[] c = Arrays.copyOf(cross, k + 1);
        c[k] = row[k + 1];
        List<double[]> with = new ArrayList<>(members);
        with.add(member);
        return trainIc(with, g, c);
    }

    /** Member i's standardised values, day-major (for tests). */
    double[] member(int i) {
        return members.get(i);
    }

    /** The standardised forward return the weights are fitted to, day-major (for tests). */
    double[] target() {
        return target;
    }

    /** The members' values standardised for correlations. */
    List<DailyZ> members() {
        return plain;
    }

    private double trainIc(List<double[]> signals, double[][] g, double[] c) {
        if (signals.isEmpty()) {
            return Double.NaN;
        }
        AlphaPanel panel = context.panel();
        DayRange train = context.splits().train();
        DailyZ combination = DailyZ.of(panel, combine(signals, solve(g, c), panel.dayStart(train.from()),
                panel.dayStart(train.to())), train);
        return Summary.of(DailyCorrelation.daily(panel, combination, context.labelZ(), train)).mean();
    }

    /**
     * Σ member·m over the training stock-days with a target, for every m already in the pool,
     * then member·member and member·target: the new row of the normal equations.
     */
    private double[] products(double[] member) {
        int k = members.size();
        double[] out = new double[k + 2];
        int from = context.panel().dayStart(context.splits().train().from());
        int to = context.panel().dayStart(context.splits().train().to());
        for (int i = 0; i <= k; i++) {
            double[] other = i < k ? members.get(i) : member;
            double sum = 0;
            for (int slot = from; slot < to; slot++) {
                if (!Double.isNaN(target[slot])) {
                    sum += zeroIfMissing(member[slot]) * zeroIfMissing(other[slot]);
                }
            }
            out[i] = sum;
        }
        double sum = 0;
        for (int slot = from; slot < to; slot++) {
            if (!Double.isNaN(target[slot])) {
                sum += zeroIfMissing(member[slot]) * target[slot];
            }
        }
        out[k + 1] = sum;
        return out;
    }

    /**
     * Σ weights·signal per stock-day in slots {@code [from, to)} (the training days alone when
     * only the training IC is wanted); NaN where every signal is missing, and outside the slots.
     */
    private double[] combine(List<double[]> signals, double[] weights, int from, int to) {
        double[] out = new double[context.panel().rows()];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < signals.size(); i++) {
            double[] s = signals.get(i);
            for (int slot = from; slot < to; slot++) {
                if (!Double.isNaN(s[slot])) {
                    out[slot] = (Double.isNaN(out[slot]) ? 0 : out[slot]) + weights[i] * s[slot];
                }
            }
        }
        return out;
    }

    /** {@code g} without row and column i. */
    private static double[][] without(double[][] g, int i) {
        int k = g.length;
        double[][] out = new double[k - 1][k - 1];
        for (int a = 0, r = 0; a < k; a++) {
            if (a == i) {
                continue;
            }
            for (int b = 0, col = 0; b < k; b++) {
                if (b != i) {
                    out[r][col++] = g[a][b];
                }
            }
            r++;
        }
        return out;
    }

    /** Solves (G + λ·mean diag·I) w = c by Cholesky. */
    static double[] solve(double[][] g, double[] c) {
        int k = c.length;
        double diagonal = 0;
        for (int i = 0; i < k; i++) {
            diagonal += g[i][i];
        }
        double ridge = k == 0 ? 0 : RIDGE * Math.max(diagonal / k, 1e-300);
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = g[i][j] + (i == j ? ridge : 0);
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j][j];
            }
        }
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = c[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i][m] * y[m];
            }
            y[i] = sum / l[i][i];
        }
        double[] w = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = y[i];
            for (int m = i + 1; m < k; m++) {
                sum -= l[m][i] * w[m];
            }
            w[i] = sum / l[i][i];
        }
        return w;
    }

    /** Day by day through {@link CrossSection#standardise}; NaN stays NaN. */
    private static double[] standardised(AlphaPanel panel, double[] byDay) {
        double[] out = byDay.clone();
        double[] day = new double[0];
        double[] scratch = new double[0];
        for (int d = 0; d < panel.dayCount(); d++) {
            int from = panel.dayStart(d);
            int n = panel.dayStart(d + 1) - from;
            if (day.length < n) {
                day = new double[n];
                scratch = new double[n];
            }
            System.arraycopy(out, from, day, 0, n);
            CrossSection.standardise(day, n, scratch);
            System.arraycopy(day, 0, out, from, n);
        }
        return out;
    }

    private static double zeroIfMissing(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
