package com.alphaquant.factor.evaluation;

import java.util.Arrays;

/**
 * Close-to-close forward returns on adjusted closes: the return from session t to session
 * t + h, h counted in market sessions (not the stock's own bars), NaN when the stock has no bar
 * on either session or t + h is past the data.
 */
public final class ForwardReturns {

    private ForwardReturns() {
    }

    /**
     * @param sessions  the market's sessions ({@code yyyymmdd}, increasing)
     * @param dates     the stock's bar dates (increasing, each one of the sessions)
     * @param adjClose  the stock's adjusted closes
     * @return the forward return on each session, NaN where there is none
     */
    public static double[] onSessions(int[] sessions, int[] dates, double[] adjClose, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        double[] out = new double[sessions.length];
        for (int j = 0; j < sessions.length; j++) {
            out[j] = Double.NaN;
            if (j + horizon >= sessions.length) {
                continue;
            }
            int now = Arrays.binarySearch(dates, sessions[j]);
            int later = Arrays.binarySearch(dates, sessions[j + horizon]);
            if (now >= 0 && later >= 0) {
                out[j] = adjClose[later] / adjClose[now] - 1;
            }
        }
        return out;
    }
}
