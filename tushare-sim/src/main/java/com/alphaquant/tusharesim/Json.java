package com.alphaquant.tusharesim;

import java.math.BigDecimal;

/** Minimal JSON writing for the hot path (answers of thousands of rows). */
final class Json {

    private Json() {
    }

    static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        string(sb, s);
        return sb.toString();
    }

    /** A number as Python's json would write a float (no exponent for ordinary magnitudes); NaN → null. */
    static void number(StringBuilder out, double v, boolean integer) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (integer) {
            out.append((long) v);
        } else {
            double a = Math.abs(v);
            if (a == 0 || (a >= 1e-3 && a < 1e7)) {
                out.append(v);
            } else {
                String plain = BigDecimal.valueOf(v).toPlainString();
                out.append(plain.indexOf('.') < 0 ? plain + ".0" : plain);
            }
        }
    }
}
