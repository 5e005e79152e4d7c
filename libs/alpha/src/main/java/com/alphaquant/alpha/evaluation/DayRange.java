package com.alphaquant.alpha.evaluation;

/** Days {@code [from, to)} of a panel (indices into its sessions); may be empty. */
public record DayRange(int from, int to) {

    public DayRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a range of days: [" + from + ", " + to + ")");
        }
    }

    public int days() {
        return to - from;
    }

    public boolean isEmpty() {
        return to == from;
    }
}
