package com.alphaquant.data.ingest;

import com.alphaquant.data.store.BarStore.AdjFactor;
import com.alphaquant.data.store.IndustryStore;
import com.alphaquant.data.store.NameChangeStore;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.NameChange;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Validates Tushare rows before they are stored. A row that fails is counted under its reason
 * (malformed, ohlc_inconsistent, negative_volume, suspended, unit_mismatch, bad_date, duplicate) and
 * reported with the job, never silently dropped.
 */
public final class Cleaning {

    /** Rows that passed, and the count of those that did not by reason. */
    public record Result<T>(List<T> accepted, Map<String, Long> rejected) {
        public long rejectedCount() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Cleaning() {
    }

    /**
     * @param checkUnits compare the day's average price with its range (stocks only: index
     *                   volumes are not in the same units as their points)
     */
    public static Result<Bar> bars(TushareTable table, boolean checkUnits) {
        return clean(table, (row, col) -> {
            String reason = barProblem(row, col, checkUnits);
            return reason != null ? Outcome.rejected(reason) : Outcome.of(new Bar(TsCode.of(text(row, col, "ts_code")),
                    date(row, col, "trade_date"), num(row, col, "open"), num(row, col, "high"), num(row, col, "low"),
                    num(row, col, "close"), num(row, col, "pre_close"), num(row, col, "vol"), num(row, col, "amount"), Double.NaN));
        }, bar -> bar.tsCode() + "|" + bar.tradeDate());
    }

    /** What became of one row: a value to store, a reason it is rejected, or null for a row left out uncounted. */
    private record Outcome<T>(T value, String reason) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> rejected(String reason) {
            return new Outcome<>(null, reason);
        }
    }

    private interface RowCheck<T> {
        Outcome<T> apply(List<Object> row, Map<String, Integer> col);
    }

    /**
     * Runs {@code check} over every row: a row that throws is malformed, a second row with the
     * same {@code key} a duplicate.
     */
    private static <T> Result<T> clean(TushareTable table, RowCheck<T> check, Function<T, String> key) {
        Map<String, Integer> col = table.columns();
        List<T> accepted = new ArrayList<>(table.size());
        Map<String, Long> rejected = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (List<Object> row : table.items()) {
            String reason;
            try {
                Outcome<T> outcome = check.apply(row, col);
                if (outcome == null) {
                    continue;
                }
                reason = outcome.reason();
                if (reason == null && !seen.add(key.apply(outcome.value()))) {
                    reason = "duplicate";
                } else if (reason == null) {
                    accepted.add(outcome.value());
                }
            } catch (RuntimeException e) {
                reason = "malformed";
            }
            if (reason != null) {
                rejected.merge(reason, 1L, Long::sum);
            }
        }
        return new Result<>(accepted, rejected);
    }

    /** Why a bar row cannot be stored, or null when it is fine. */
    private static String barProblem(List<Object> row, Map<String, Integer> col, boolean checkUnits) {
        double o = num(row, col, "open");
        double h = num(row, col, "high");
        double l = num(row, col, "low");
        double c = num(row, col, "close");
        double vol = num(row, col, "vol");
        double amount = num(row, col, "amount");
        if (!(o > 0 && h > 0 && l > 0 && c > 0 && num(row, col, "pre_close") > 0)) {
            return "malformed";
        }
        if (h < l || h < o || h < c || l > o || l > c) {
            return "ohlc_inconsistent";
        }
        if (vol < 0 || amount < 0) {
            return "negative_volume";
        }
        if (vol == 0) {
            return "suspended";
        }
        // The day's average price (amount in thousand CNY, vol in lots: amount·10/vol) lies within
        // the day's range; a factor of 10 or 100 off means a unit error upstream.
        double vwap = amount * 10 / vol;
        if (checkUnits && (vwap < l * 0.9 || vwap > h * 1.1)) {
            return "unit_mismatch";
        }
        return null;
    }

    public static Result<AdjFactor> adjFactors(TushareTable table) {
        return clean(table, (row, col) -> {
            AdjFactor f = new AdjFactor(TsCode.of(text(row, col, "ts_code")).toString(), date(row, col, "trade_date"),
                    num(row, col, "adj_factor"));
            return f.adjFactor() > 0 ? Outcome.of(f) : Outcome.rejected("malformed");
        }, f -> f.tsCode() + "|" + f.tradeDate());
    }

    /**
     * Tushare namechange rows. Codes outside the A-share stocks this platform trades (B shares)
     * are left out as stock_basic's are; a row without a code or name is malformed, one whose
     * dates do not parse or end before they start is {@code bad_date}, a second row of a stock
     * starting on the same day a duplicate.
     */
    public static Result<NameChangeStore.Row> nameChanges(TushareTable table) {
        return clean(table, (row, col) -> {
            String code = text(row, col, "ts_code");
            if (TsCode.isValid(code) && !Board.isStock(TsCode.of(code))) {
                return null;
            }
            String reason = nameChangeProblem(row, col);
            return reason != null ? Outcome.rejected(reason) : Outcome.of(new NameChangeStore.Row(
                    new NameChange(TsCode.of(code), text(row, col, "name"), date(row, col, "start_date"),
                            optionalDate(row, col, "end_date")),
                    optionalDate(row, col, "ann_date"), optionalText(row, col, "change_reason")));
        }, r -> r.change().tsCode() + "|" + r.change().startDate());
    }

    /** Tushare index_classify rows: a row without an index code or name is malformed. */
    public static Result<IndustryStore.Industry> industries(TushareTable table) {
        return clean(table, (row, col) -> {
            String code = text(row, col, "index_code");
            String name = optionalText(row, col, "industry_name");
            return code.isBlank() || name == null ? Outcome.rejected("malformed") : Outcome.of(new IndustryStore.Industry(
                    code, optionalText(row, col, "industry_code"), name.strip(), text(row, col, "level"),
                    optionalText(row, col, "src")));
        }, IndustryStore.Industry::indexCode);
    }

    /**
     * Tushare index_member rows. Codes outside the A-share stocks (B shares) are left out as
     * stock_basic's are; an in_date that does not parse or an out_date not after it is
     * {@code bad_date}; a second row of a stock joining the same industry on the same day a duplicate.
     */
    public static Result<IndustryStore.Member> industryMembers(TushareTable table) {
        return clean(table, (row, col) -> {
            String code = text(row, col, "con_code");
            if (!TsCode.isValid(code) || text(row, col, "index_code").isBlank()) {
                return Outcome.rejected("malformed");
            }
            if (!Board.isStock(TsCode.of(code))) {
                return null;
            }
            LocalDate in;
            LocalDate out;
            try {
                in = date(row, col, "in_date");
                out = optionalDate(row, col, "out_date");
            } catch (RuntimeException e) {
                return Outcome.rejected("bad_date");
            }
            return out != null && !out.isAfter(in) ? Outcome.rejected("bad_date")
                    : Outcome.of(new IndustryStore.Member(text(row, col, "index_code"), TsCode.of(code), in, out));
        }, m -> m.indexCode() + "|" + m.tsCode() + "|" + m.inDate());
    }

    /** Why a namechange row cannot be stored, or null when it is fine. */
    private static String nameChangeProblem(List<Object> row, Map<String, Integer> col) {
        if (!TsCode.isValid(text(row, col, "ts_code")) || text(row, col, "name").isBlank()) {
            return "malformed";
        }
        LocalDate start;
        LocalDate end;
        try {
            start = date(row, col, "start_date");
            end = optionalDate(row, col, "end_date");
            optionalDate(row, col, "ann_date");
        } catch (RuntimeException e) {
            return "bad_date";
        }
        return end != null && end.isBefore(start) ? "bad_date" : null;
    }

    static String optionalText(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    static LocalDate optionalDate(List<Object> row, Map<String, Integer> col, String name) {
        String text = optionalText(row, col, name);
        return text == null ? null : LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
    }

    static String text(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        if (v == null) {
            throw new IllegalArgumentException(name + " missing");
        }
        return v.toString();
    }

    static double num(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException(name + " missing");
    }

    static LocalDate date(List<Object> row, Map<String, Integer> col, String name) {
        return LocalDate.parse(text(row, col, name), DateTimeFormatter.BASIC_ISO_DATE);
    }
}
