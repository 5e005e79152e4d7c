package com.alphaquant.factor.api;

import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Query parameters to values, every rejection a {@link BadRequestException} naming the
 * parameter (HTTP 400 with a problem body), never a 500.
 */
final class RequestParams {

    private RequestParams() {
    }

    static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field, "is required");
        }
        return text.trim();
    }

    /** {@code all}, or a comma list of stock ts_codes (indices are not stocks). */
    static List<TsCode> codes(String text, Supplier<List<TsCode>> all) {
        String value = required("ts_codes", text);
        if (value.equalsIgnoreCase("all")) {
            return all.get();
        }
        Set<TsCode> codes = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            TsCode code;
            try {
                code = TsCode.of(part.trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("ts_codes", e.getMessage());
            }
            Board board;
            try {
                board = Board.of(code);
            } catch (IllegalArgumentException e) { // B shares, funds, bonds
                throw new BadRequestException("ts_codes", e.getMessage());
            }
            if (board == Board.INDEX) {
                throw new BadRequestException("ts_codes", code + " is an index, not a stock");
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            throw new BadRequestException("ts_codes", "lists no ts_code");
        }
        return List.copyOf(codes);
    }

    /** ISO ({@code 2024-01-02}) or Tushare's {@code 20240102}, within the trading calendar's bounds. */
    static LocalDate date(String field, String text) {
        return TradingDates.parse(field, text);
    }

    static void range(LocalDate start, LocalDate end) {
        TradingDates.requireOrdered(start, end);
    }

    /**
     * Refuses a request larger than {@code maxStockMonths} stocks × calendar months: one request
     * is one engine run held in memory (plus 460 bars of warm-up per stock), so the whole market
     * over decades would exhaust the heap instead of answering.
     */
    static void size(List<TsCode> codes, LocalDate start, LocalDate end, long maxStockMonths) {
        size("ts_codes", codes.size(), start, end, maxStockMonths, "narrow ts_codes or start … end");
    }

    /** As {@link #size(List, LocalDate, LocalDate, long)}, the refusal naming {@code field} and saying how to narrow. */
    static void size(String field, int stocks, LocalDate start, LocalDate end, long maxStockMonths, String narrow) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
        long stockMonths = stocks * months;
        if (stockMonths > maxStockMonths) {
            throw new BadRequestException(field, stocks + " stocks × " + months + " months is " + stockMonths
                    + " stock-months, more than the " + maxStockMonths + " one request may ask; " + narrow);
        }
    }

    /** Factor names in SPEC order, duplicates dropped; absent means all 24. */
    static List<String> names(String field, String text) {
        if (text == null || text.isBlank()) {
            return FactorRegistry.names();
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                asked.add(factor(field, part));
            }
        }
        if (asked.isEmpty()) {
            throw new BadRequestException(field, "lists no factor name");
        }
        return FactorRegistry.names().stream().filter(asked::contains).toList();
    }

    static String factor(String field, String text) {
        String name = required(field, text);
        if (!FactorRegistry.names().contains(name)) {
            throw new BadRequestException(field, "unknown factor " + Problems.quote(name) + ", expected one of " + FactorRegistry.names());
        }
        return name;
    }

    static int integer(String field, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, Problems.quote(text) + " is not a whole number");
        }
        if (value < min || value > max) {
            throw new BadRequestException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static String oneOf(String field, String text, String fallback, String... allowed) {
        String value = text == null || text.isBlank() ? fallback : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(value)) {
            throw new BadRequestException(field, Problems.quote(text) + " is not one of " + String.join(", ", allowed));
        }
        return value;
    }
}
