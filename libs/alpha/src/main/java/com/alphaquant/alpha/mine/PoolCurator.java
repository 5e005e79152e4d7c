package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.PoolFit;
import com.alphaquant.alpha.evaluation.Screen;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Variation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule every miner grows its pool by. A candidate is evaluated and screened on the training
 * days, then taken only if it raises the pool's combined training IC ({@link AlphaPool}: the
 * pool is judged as one linear signal, so a formula counts for what it adds to the others).
 *
 * <ol>
 *   <li>Screen: refused if it does not vary across stocks, covers less than half the
 *       stock-days, has no defined IC, or correlates (|mean daily correlation|) more than the
 *       task's threshold with a built-in factor or a pool member: the pool must be new, not a
 *       restatement.</li>
 *   <li>An empty pool takes a formula whose |IC| exceeds {@link #MIN_IC}: the combination's
 *       weight carries the sign, so a reliably wrong formula is as useful as a right one.</li>
 *   <li>A pool with room takes a formula that raises its training IC by more than
 *       {@link #MIN_GAIN}.</li>
 *   <li>A full pool adds it, refits, and drops the member with the smallest |weight| (members
 *       are standardised, so weights compare), keeping the change only when the candidate is
 *       not itself that member and the IC without it is higher by {@link #MIN_GAIN}; otherwise
 *       the pool is restored exactly.</li>
 * </ol>
 *
 * <p>{@link Offer#gain()} is the IC improvement: a policy's reward, a genetic search's fitness.
 * The verdicts depend only on the formulas offered and their order: deterministic. Not
 * thread-safe: miners that evaluate in parallel offer serially.
 */
public final class PoolCurator {

    /** The |training IC| a formula needs to start an empty pool: above the noise of a few hundred days. */
    public static final double MIN_IC = 0.01;
    /** The training IC a formula must add: less is rounding or an in-sample accident. */
    public static final double MIN_GAIN = 1e-4;
    /** The share of stock-days a formula must have a value on. */
    public static final double MIN_COVERAGE = 0.5;

    private final MiningTask task;
    private final FormulaScorer scorer;
    private final AlphaPool pool;
    private int evaluated;
    private int accepted;
    private String lastAccepted;
    private Screen lastScreen;
    /** The pool's training IC, kept as offers change it (asking the pool would refit after every refused swap). */
    private double poolIc = Double.NaN;

    public PoolCurator(MiningTask task) {
        this.task = task;
        this.scorer = new FormulaScorer(task.context());
        this.pool = new AlphaPool(task.context());
    }

    /**
     * The verdict on a candidate.
     *
     * @param gain   the pool's training IC improvement; 0 when refused
     * @param ic     the formula's own mean daily training IC; NaN when it could not be scored
     * @param reason why it was refused, or what accepting it did
     */
    public record Offer(boolean accepted, double gain, double ic, String reason) {

        static Offer refused(double ic, String reason) {
            return new Offer(false, 0, ic, reason);
        }
    }

    /** Evaluates, screens and perhaps takes {@code formula}; counts as one evaluation. */
    public Offer offer(Expr formula) {
        evaluated++;
        lastScreen = null;
        if (formula.variation() != Variation.STOCK) {
            return Offer.refused(Double.NaN, "it does not vary across stocks");
        }
        Screen screen = scorer.screen(formula, pool);
        lastScreen = screen;
        String refusal = screenRefusal(screen);
        if (refusal != null) {
            return Offer.refused(screen.ic(), refusal);
        }
        double[] values = scorer.values(formula);
        Offer offer = pool.size() < task.poolCapacity() ? grow(formula, screen.ic(), values)
                : replace(formula, screen.ic(), values);
        if (offer.accepted()) {
            accepted++;
            lastAccepted = formula.toString();
        }
        return offer;
    }

    private String screenRefusal(Screen s) {
        double limit = task.maxCorrelation();
        if (!(s.coverage() >= MIN_COVERAGE)) {
            return String.format(Locale.ROOT, "coverage %.2f below %.2f", s.coverage(), MIN_COVERAGE);
        }
        if (Double.isNaN(s.ic())) {
            return "no defined IC on the training days";
        }
        if (s.maxBuiltinCorrelation() > limit) {
            return String.format(Locale.ROOT, "|correlation| %.3f with built-in %s above %.2f", s.maxBuiltinCorrelation(),
                    s.closestBuiltin(), limit);
        }
        if (s.maxPoolCorrelation() > limit) {
            return String.format(Locale.ROOT, "|correlation| %.3f with a pool member above %.2f", s.maxPoolCorrelation(),
                    limit);
        }
        return null;
    }

    /** Adds to a pool with room: an empty pool counts as having IC 0 and needs {@link #MIN_IC}. */
    private Offer grow(Expr formula, double ic, double[] values) {
        boolean empty = pool.size() == 0;
        if (empty && !(Math.abs(ic) > MIN_IC)) {
            return Offer.refused(ic, String.format(Locale.ROOT, "|IC| %.4f not above %.2f", Math.abs(ic), MIN_IC));
        }
        double floor = empty ? MIN_IC : MIN_GAIN;
        double with = pool.trainIcWith(values);
        double gain = with - (empty ? 0 : poolIc);
        if (!(gain > floor)) {
            return Offer.refused(ic, String.format(Locale.ROOT, "pool IC gain %.5f not above %.4f", gain, floor));
        }
        pool.add(formula, values);
        poolIc = with;
        return new Offer(true, gain, ic, empty ? "started the pool" : "added");
    }

    private Offer replace(Expr formula, double ic, double[] values) {
        pool.add(formula, values);
        int last = pool.size() - 1;
        int weakest = weakest(pool.weights());
        double after = weakest == last ? Double.NaN : pool.trainIcWithout(weakest);
        double gain = after - poolIc;
        if (!(gain > MIN_GAIN)) {
            pool.remove(last);
            return Offer.refused(ic, weakest == last ? "the smallest weight in a full pool"
                    : String.format(Locale.ROOT, "pool IC gain %.5f not above %.4f when replacing the weakest", gain,
                    MIN_GAIN));
        }
        Expr dropped = pool.formulas().get(weakest);
        pool.remove(weakest);
        poolIc = after;
        return new Offer(true, gain, ic, "replaced " + dropped);
    }

    private static int weakest(double[] weights) {
        int weakest = 0;
        for (int i = 1; i < weights.length; i++) {
            if (Math.abs(weights[i]) < Math.abs(weights[weakest])) {
                weakest = i;
            }
        }
        return weakest;
    }

    /**
     * The training-day screen of the last formula offered (IC, coverage, correlations with the
     * built-ins and the pool as it was then); null before any offer or when it could not be
     * scored. A search can grade refused formulas by it.
     */
    public Screen lastScreen() {
        return lastScreen;
    }

    /** The pool's combination now: weights and metrics on every split. */
    public PoolFit poolFit() {
        return pool.fit();
    }

    /** The pool itself (for reading: offering is the only way to change it). */
    public AlphaPool pool() {
        return pool;
    }

    public int evaluated() {
        return evaluated;
    }

    /** Candidates taken so far, including members dropped since. */
    public int accepted() {
        return accepted;
    }

    public MiningStatus status() {
        return new MiningStatus(evaluated, task.budget(), accepted, pool.size(), poolIc, lastAccepted);
    }

    /**
     * Each member's figures on every split; its pool correlation is with the other members.
     */
    public List<FormulaReport> reports() {
        ScoringContext context = task.context();
        List<Expr> members = pool.formulas();
        List<FormulaReport> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            AlphaPool others = new AlphaPool(context);
            for (int j = 0; j < members.size(); j++) {
                if (j != i) {
                    others.add(members.get(j), scorer.values(members.get(j)));
                }
            }
            out.add(scorer.report(members.get(i), others));
        }
        return out;
    }

    /** The run's result as a miner returns it. */
    public MiningResult result(String method, Duration elapsed) {
        return new MiningResult(method, task.seed(), evaluated, accepted, pool.fit(), reports(), elapsed);
    }
}
