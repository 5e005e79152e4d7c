package com.alphaquant.alpha.expr;

/**
 * What is known of a formula's sign, for the operators that need it (Log needs a value that
 * cannot be negative). Deliberately coarse: a negative constant, or anything the rules cannot
 * vouch for, is {@link #ANY}.
 */
public enum Signedness {
    /** Greater than 0 wherever defined (prices, ranks). */
    POSITIVE,
    /** Never below 0 (volume, a standard deviation, an absolute value). */
    NON_NEGATIVE,
    ANY;

    public boolean nonNegative() {
        return this != ANY;
    }

    /** The weaker of the two: what holds for both. */
    public Signedness weaker(Signedness other) {
        return values()[Math.max(ordinal(), other.ordinal())];
    }

    /** The stronger of the two. */
    public Signedness stronger(Signedness other) {
        return values()[Math.min(ordinal(), other.ordinal())];
    }
}
