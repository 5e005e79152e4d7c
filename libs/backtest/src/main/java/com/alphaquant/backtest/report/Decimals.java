package com.alphaquant.backtest.report;

/** Fixed-point formatting without {@code String.format}: output files have a row per fill and day. */
final class Decimals {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Decimals() {
    }

    /** {@code x} rounded half away from zero to {@code decimals} places, always with that many. */
    static void append(StringBuilder sb, double x, int decimals) {
        if (!Double.isFinite(x)) {
            sb.append(Double.isNaN(x) ? "" : x > 0 ? "inf" : "-inf");
            return;
        }
        long scale = POW10[decimals];
        long units = Math.round(Math.abs(x) * scale);
        if (x < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(units % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    /** Money from exact cents. */
    static void appendCents(StringBuilder sb, long cents) {
        if (cents < 0) {
            sb.append('-');
            cents = -cents;
        }
        sb.append(cents / 100).append('.');
        long c = cents % 100;
        if (c < 10) {
            sb.append('0');
        }
        sb.append(c);
    }

    /** Shares: an integer when whole, else up to four decimals without trailing zeros. */
    static void appendShares(StringBuilder sb, double shares) {
        if (shares == Math.rint(shares) && Math.abs(shares) < 1e15) {
            sb.append((long) shares);
            return;
        }
        int start = sb.length();
        append(sb, shares, 4);
        int end = sb.length();
        while (sb.charAt(end - 1) == '0') {
            end--;
        }
        if (sb.charAt(end - 1) == '.') {
            end--;
        }
        sb.setLength(Math.max(end, start + 1));
    }

    /** A JSON number, or null when not finite. Round-trips exactly. */
    static String json(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }
}
