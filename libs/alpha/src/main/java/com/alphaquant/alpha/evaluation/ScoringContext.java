package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.expr.FactorTerm;
import com.alphaquant.alpha.expr.Variation;
import java.util.ArrayList;
import java.util.List;

/**
 * What scoring formulas on a panel needs, prepared once: the splits, the forward-return label,
 * and the built-in factors day by day, standardised for correlations. Market-wide factors
 * (NORTH_FLOW_Z) are left out of the built-ins a formula is compared with: their cross-section is
 * constant, so their correlation with anything is undefined. Shared by scorers on any thread.
 */
public final class ScoringContext {

    private final AlphaPanel panel;
    private final DaySplits splits;
    private final double[] label;
    private final DailyZ labelZ;
    private final List<String> builtinNames = new ArrayList<>();
    private final List<DailyZ> builtins = new ArrayList<>();

    public ScoringContext(AlphaPanel panel, DaySplits splits) {
        this.panel = panel;
        this.splits = splits;
        DayRange all = new DayRange(0, panel.dayCount());
        this.label = panel.byDay(ForwardLabel.byRow(panel, splits.horizon()));
        this.labelZ = DailyZ.of(panel, label, all);
        for (String name : panel.factorNames()) {
            if (FactorTerm.of(name).variation() == Variation.STOCK) {
                builtinNames.add(name);
                builtins.add(DailyZ.of(panel, panel.byDay(panel.factor(name)), all));
            }
        }
    }

    public AlphaPanel panel() {
        return panel;
    }

    public DaySplits splits() {
        return splits;
    }

    /** The forward returns in day-major order; shared: do not modify. */
    public double[] label() {
        return label;
    }

    /** The built-in factors formulas are compared with. */
    public List<String> builtinNames() {
        return List.copyOf(builtinNames);
    }

    DailyZ labelZ() {
        return labelZ;
    }

    List<DailyZ> builtins() {
        return builtins;
    }
}
