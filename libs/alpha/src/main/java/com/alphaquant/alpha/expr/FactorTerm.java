package com.alphaquant.alpha.expr;

import com.alphaquant.factor.engine.FactorRegistry;
import java.util.Set;

/**
 * One of the 24 factors of libs/factors, by its API name ({@code MOM20}). All are dimensionless
 * (ratios, returns, oscillators, counts); those that cannot be negative by their definition are
 * marked so (Log may take them), and NORTH_FLOW_Z, the same for every stock, is market-wide.
 */
public final class FactorTerm extends Expr {

    private static final Set<String> NON_NEGATIVE = Set.of("VOL20", "AMP", "RSI14", "BOLL_WIDTH", "ATR14", "KDJ_K",
            "MFI14", "VOLUME_RATIO", "ILLIQ20");
    private static final Set<String> MARKET_WIDE = Set.of("NORTH_FLOW_Z");

    private FactorTerm(String name) {
        super(Dim.NONE, NON_NEGATIVE.contains(name) ? Signedness.NON_NEGATIVE : Signedness.ANY,
                MARKET_WIDE.contains(name) ? Variation.MARKET : Variation.STOCK, 1, name, name);
    }

    /** The factor called {@code name}; an unknown name fails, listing the known ones. */
    public static FactorTerm of(String name) {
        try {
            return new FactorTerm(FactorRegistry.get(name).name());
        } catch (IllegalArgumentException e) {
            throw new FormulaException(e.getMessage());
        }
    }

    public String name() {
        return toString();
    }
}
