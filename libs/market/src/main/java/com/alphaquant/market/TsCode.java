package com.alphaquant.market;

import java.util.regex.Pattern;

/**
 * A Tushare security code such as {@code 600519.SH}: six digits, a dot, the exchange.
 * Instances are always valid; {@link #of(String)} rejects anything else with a message that
 * names the value.
 */
public record TsCode(String symbol, Exchange exchange) implements Comparable<TsCode> {

    private static final Pattern FORMAT = Pattern.compile("^\\d{6}\\.(SH|SZ|BJ)$");

    public TsCode {
        if (symbol == null || symbol.length() != 6 || !symbol.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Invalid symbol '" + symbol + "': expected six digits");
        }
        if (exchange == null) {
            throw new IllegalArgumentException("Exchange of " + symbol + " is missing");
        }
    }

    /** Parses {@code 600519.SH}; upper-case only, as Tushare writes it. */
    public static TsCode of(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid ts_code '" + text
                    + "': expected six digits, a dot and SH, SZ or BJ, e.g. 600519.SH");
        }
        return new TsCode(text.substring(0, 6), Exchange.valueOf(text.substring(7)));
    }

    /** Whether {@code text} is a valid ts_code, for callers that filter rather than fail. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public int compareTo(TsCode other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return symbol + "." + exchange;
    }
}
