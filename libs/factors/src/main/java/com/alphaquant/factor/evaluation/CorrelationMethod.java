package com.alphaquant.factor.evaluation;

import java.util.Locale;

public enum CorrelationMethod {
    PEARSON,
    /** Pearson's correlation of the average ranks, ranked within the observations both sides have. */
    SPEARMAN;

    public static CorrelationMethod parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a correlation method: expected pearson or spearman");
        }
    }
}
