package com.alphaquant.cli;

import com.alphaquant.alpha.mine.MiningReport;
import com.alphaquant.alpha.mine.MiningReport.Figures;
import com.alphaquant.alpha.mine.MiningReport.Span;
import com.alphaquant.alpha.mine.MiningReport.Splits;
import java.io.PrintStream;
import java.util.Locale;

/** {@code mine}'s output: the run, the pool's formulas, then the pool beside the baselines, IC and rank IC per split. */
final class MiningTable {

    private static final String SPLITS = "  train IC  rank IC   valid IC  rank IC    test IC  rank IC";

    private MiningTable() {
    }

    static void print(PrintStream out, MiningReport r) {
        out.printf(Locale.ROOT, "mined by %s, seed %d: %d formulas evaluated of a budget of %d, %d taken, %d in the pool, %.0f s%n",
                r.method(), r.seed(), r.evaluated(), r.budget(), r.accepted(), r.formulas().size(), r.elapsedSeconds());
        MiningReport.Data d = r.data();
        out.printf(Locale.ROOT, "%d stocks; label: %d-session forward return; train %s, valid %s, test %s%n", d.stocks(), d.horizon(),
                span(d.train()), span(d.valid()), span(d.test()));
        out.printf(Locale.ROOT, "%n%3s %8s%s  %-20s %s%n", "#", "weight", SPLITS, "max|corr| built-in", "formula");
        int i = 0;
        for (MiningReport.Formula f : r.formulas()) {
            out.printf(Locale.ROOT, "%3d %8.4f%s  %-20s %s%n", ++i, f.weight(), figures(f.metrics()),
                    number(f.maxBuiltinCorrelation(), "%.3f") + (f.closestBuiltin() == null ? "" : " " + f.closestBuiltin()),
                    f.formula());
        }
        out.printf(Locale.ROOT, "%n%-34s%s%n", "combined (weights fitted on train)", SPLITS);
        out.printf(Locale.ROOT, "%-34s%s%n", r.method() + " pool, " + r.formulas().size() + " formulas", figures(r.pool()));
        if (r.bestBuiltin() != null) {
            out.printf(Locale.ROOT, "%-34s%s%n", "best built-in: " + r.bestBuiltin().formula(), figures(r.bestBuiltin().metrics()));
        }
        out.printf(Locale.ROOT, "%-34s%s%n", "built-ins combined linearly", figures(r.builtinCombination()));
    }

    private static String span(Span s) {
        return s.sessions() == 0 ? "none" : s.first() + ".." + s.last() + " (" + s.sessions() + ")";
    }

    private static String figures(Splits s) {
        return pair(s.train()) + " " + pair(s.valid()) + " " + pair(s.test());
    }

    private static String pair(Figures f) {
        return String.format(Locale.ROOT, "%10s%9s", number(f.ic(), "%.4f"), number(f.rankIc(), "%.4f"));
    }

    private static String number(Double x, String format) {
        return x == null ? "-" : String.format(Locale.ROOT, format, x);
    }
}
