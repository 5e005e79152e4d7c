package com.alphaquant.factor.engine;

/**
 * One factor of SPEC section 3.
 *
 * @param name     the API identifier, e.g. {@code RSI14}
 * @param window   the bars one value spans, the current bar included (RET: 2, MOM20: 21)
 * @param firstRow the first row (0-based, in the stock's own bars) that can have a value;
 *                 earlier rows are NaN. Recursive factors (EMA, Wilder, KDJ) keep depending on
 *                 all earlier bars after that row, as SPEC defines them. NORTH_FLOW_Z is the
 *                 exception: its window counts the flow's observations, so its first value
 *                 depends on the flow series (firstRow 0).
 * @param formula  the definition, as SPEC writes it
 */
public record FactorDefinition(String name, FactorCategory category, int window, int firstRow, String formula,
                               FactorKernel kernel) {

    public FactorDefinition {
        if (name == null || name.isBlank() || category == null || formula == null || kernel == null) {
            throw new IllegalArgumentException("A factor needs a name, a category, a formula and a kernel: " + name);
        }
        if (window < 1 || firstRow < 0 || firstRow >= window) {
            throw new IllegalArgumentException("Factor " + name + ": window " + window + " and first row " + firstRow
                    + " are inconsistent");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
