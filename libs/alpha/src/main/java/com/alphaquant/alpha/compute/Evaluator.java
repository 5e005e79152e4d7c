package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Call;
import com.alphaquant.alpha.expr.Constant;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FactorTerm;
import com.alphaquant.alpha.expr.Feature;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates formulas over an {@link AlphaPanel}: one value per row, NaN where missing (see
 * {@link TimeSeries}, {@link CrossSection} and {@link Elementwise} for when).
 *
 * <p>Shared sub-expressions are computed once per evaluation run: every computed node's values
 * are kept under its canonical form ({@link Expr#key()}, which also equates
 * {@code Add(a, b)} and {@code Add(b, a)}), so a later formula of the run that contains the same
 * subtree (a GP population shares many) reads them instead. Between formulas the cache is cut
 * back to {@code cacheBytes}, least recently used first, and the arrays it drops are reused for
 * later nodes; {@link #clear()} starts a new run. Fields and factors are the panel's own arrays
 * and are never copied.
 *
 * <p>Not thread-safe: one evaluator per thread (they can share the panel).
 */
public final class Evaluator {

    /** The default cache: 256 MB, about 90 nodes of the 300-stock sample. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;
    /** Arrays kept for reuse, so that a steady run allocates nothing. */
    private static final int MAX_SPARE = 32;

    private final AlphaPanel panel;
    private final long cacheBytes;
    private final Map<String, double[]> cache = new LinkedHashMap<>(64, 0.75f, true);
    private final TimeSeries timeSeries;
    private final CrossSection crossSection;
    private final ArrayDeque<double[]> spare = new ArrayDeque<>();
    private long hits;
    private long computed;

    public Evaluator(AlphaPanel panel) {
        this(panel, DEFAULT_CACHE_BYTES);
    }

    public Evaluator(AlphaPanel panel, long cacheBytes) {
        this.panel = panel;
        this.cacheBytes = cacheBytes;
        this.timeSeries = new TimeSeries(panel);
        this.crossSection = new CrossSection(panel);
    }

    public AlphaPanel panel() {
        return panel;
    }

    /**
     * The values of {@code e} by row. The array is the panel's, or the evaluator's and valid until
     * the next call: read it, do not modify it, copy what you keep.
     */
    public double[] evaluate(Expr e) {
        try {
            return values(e);
        } finally {
            trim(e.key());
        }
    }

    private double[] values(Expr e) {
        if (e instanceof Feature f) {
            return panel.field(f.field());
        }
        if (e instanceof FactorTerm f) {
            return panel.factor(f.name());
        }
        double[] known = cache.get(e.key());
        if (known != null) {
            hits++;
            return known;
        }
        double[] out = spare.isEmpty() ? new double[panel.rows()] : spare.pop();
        if (e instanceof Constant c) {
            Arrays.fill(out, c.value());
        } else {
            compute((Call) e, out);
            computed++;
        }
        cache.put(e.key(), out);
        return out;
    }

    /** Starts a new evaluation run: nothing computed so far is reused. */
    public void clear() {
        for (double[] values : cache.values()) {
            if (spare.size() < MAX_SPARE) {
                spare.push(values);
            }
        }
        cache.clear();
    }

    /** Nodes found in the cache since this evaluator was made. */
    public long cacheHits() {
        return hits;
    }

    /** Nodes computed since this evaluator was made. */
    public long nodesComputed() {
        return computed;
    }

    private void compute(Call call, double[] out) {
        double[] a = values(call.operand(0));
        switch (call.op().kind()) {
            case UNARY -> Elementwise.unary(call.op(), a, out);
            case BINARY -> Elementwise.binary(call.op(), a, values(call.operand(1)), out);
            case CROSS_SECTION -> crossSection.apply(call.op(), a, out);
            case ROLLING -> timeSeries.apply(call.op(), a, call.window(), out);
            case PAIR_ROLLING -> timeSeries.applyPair(call.op(), a, values(call.operand(1)), call.window(), out);
        }
    }

    /**
     * Drops the least recently used nodes beyond the budget, never the formula just evaluated,
     * and keeps their arrays for the next nodes: only between top-level calls, so that no array
     * an unfinished computation holds is reused under it.
     */
    private void trim(String root) {
        long held = 8L * panel.rows() * cache.size();
        var eldest = cache.entrySet().iterator();
        while (held > cacheBytes && eldest.hasNext()) {
            var entry = eldest.next();
            if (entry.getKey().equals(root)) {
                continue;
            }
            eldest.remove();
            held -= 8L * panel.rows();
            if (spare.size() < MAX_SPARE) {
                spare.push(entry.getValue());
            }
        }
    }
}
