package com.alphaquant.data.ingest;

import com.alphaquant.data.store.BarStore.AdjFactor;
import com.alphaquant.data.store.LimitStore;
import com.alphaquant.data.store.FundamentalsStore;
import com.alphaquant.data.store.IndustryStore;
import com.alphaquant.data.store.NameChangeStore;
import com.alphaquant.data.store.NorthFlowStore;
import com.alphaquant.data.store.RejectedRow;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.NameChange;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
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
 * Validates Tushare rows before they are stored. A row that fails is kept with its reason
 * (malformed, ohlc_inconsistent, negative_volume, suspended, unit_mismatch, flow_inconsistent, bad_date,
 * duplicate), counted with the job and stored for inspection ({@code GET /api/data/rejections}),
 * never silently dropped.
 */
public final class Cleaning {

    /** Rows that passed, and those that did not with their reasons. */
    public record Result<T>(List<T> accepted, List<RejectedRow> rejects) {

        /** How many rows were rejected, by reason. */
        public Map<String, Long> rejected() {
            Map<String, Long> byReason = new TreeMap<>();
            rejects.forEach(r -> byReason.merge(r.reason(), 1L, Long::sum));
            return byReason;
        }

        public long rejectedCount() {
            return rejects.size();
        }
    }

    /** The columns that name a rejected row's code and date, either null where the dataset has none. */
    private record RowKey(String code, String date) {}

    private static final RowKey CODE_AND_DAY = new RowKey("ts_code", "trade_date");

    private Cleaning() {
    }

    /**
     * @param checkUnits compare the day's average price with its range (stocks only: index
     *                   volumes are not in the same units as their points)
     */
    public static Result<Bar> bars(TushareTable table, boolean checkUnits) {
        return clean(table, CODE_AND_DAY, (row, col) -> {
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
    private static <T> Result<T> clean(TushareTable table, RowKey rowKey, RowCheck<T> check, Function<T, String> key) {
        Map<String, Integer> col = table.columns();
        List<T> accepted = new ArrayList<>(table.size());
        List<RejectedRow> rejected = new ArrayList<>();
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
                rejected.add(rejectedRow(table.fields(), row, col, rowKey, reason));
            }
        }
        return new Result<>(accepted, rejected);
    }

    /** A refused row as it is kept: whatever of its code and date can be read, and every cell. */
    private static RejectedRow rejectedRow(List<String> fields, List<Object> row, Map<String, Integer> col, RowKey rowKey,
                                           String reason) {
        String code = rowKey.code() == null ? null : optionalText(row, col, rowKey.code());
        LocalDate day;
        try {
            day = rowKey.date() == null ? null : optionalDate(row, col, rowKey.date());
        } catch (RuntimeException e) {
            day = null; // the date itself is what is wrong
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.size() && text.length() <= RejectedRow.MAX_ROW; i++) {
            text.append(i == 0 ? "" : ", ").append(fields.get(i)).append('=').append(i < row.size() ? row.get(i) : null);
        }
        return new RejectedRow(code, day, reason, text.toString());
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
        return clean(table, CODE_AND_DAY, (row, col) -> {
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
        return clean(table, new RowKey("ts_code", "start_date"), (row, col) -> {
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

    /**
     * Tushare stk_limit rows. Tushare lists funds and B shares too: left out uncounted; a row
     * without limits, or with limit-down above limit-up, is malformed.
     */
    public static Result<ExchangeLimit> limits(TushareTable table) {
        return clean(table, CODE_AND_DAY, (row, col) -> {
            TsCode code = stock(text(row, col, "ts_code"));
            return code == null ? null : Outcome.of(new ExchangeLimit(code, date(row, col, "trade_date"),
                    optionalText(row, col, "pre_close") == null ? Double.NaN : num(row, col, "pre_close"),
                    num(row, col, "up_limit"), num(row, col, "down_limit")));
        }, r -> r.tsCode() + "|" + r.tradeDate());
    }

    /** Tushare suspend_d rows; a type other than S or R is malformed. */
    public static Result<LimitStore.Suspension> suspensions(TushareTable table) {
        return clean(table, CODE_AND_DAY, (row, col) -> {
            TsCode code = stock(text(row, col, "ts_code"));
            return code == null ? null : Outcome.of(new LimitStore.Suspension(code, date(row, col, "trade_date"),
                    text(row, col, "suspend_type"), optionalText(row, col, "suspend_timing")));
        }, r -> r.tsCode() + "|" + r.tradeDate() + "|" + r.type());
    }

    /** The code of an A-share stock, null for another valid code (fund, B share); an invalid code throws (malformed). */
    private static TsCode stock(String text) {
        TsCode code = TsCode.of(text);
        return Board.isStock(code) ? code : null;
    }

    /** Tushare index_classify rows: a row without an index code or name is malformed. */
    public static Result<IndustryStore.Industry> industries(TushareTable table) {
        return clean(table, new RowKey("index_code", null), (row, col) -> {
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
        return clean(table, new RowKey("con_code", "in_date"), (row, col) -> {
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

    /**
     * Tushare moneyflow_hsgt rows: a day without a parseable date is {@code bad_date}; one whose
     * northbound total is not its two legs' sum ({@code north_money = hgt + sgt}, to 0.05 million)
     * is {@code flow_inconsistent}, since one of the three is then wrong and we cannot tell which.
     * Empty cells are kept as unpublished.
     */
    public static Result<NorthFlowStore.Flow> northFlows(TushareTable table) {
        return clean(table, new RowKey(null, "trade_date"), (row, col) -> {
            LocalDate day;
            try {
                day = date(row, col, "trade_date");
            } catch (RuntimeException e) {
                return Outcome.rejected("bad_date");
            }
            NorthFlowStore.Flow f = new NorthFlowStore.Flow(day, optionalNum(row, col, "hgt"), optionalNum(row, col, "sgt"),
                    optionalNum(row, col, "north_money"), optionalNum(row, col, "ggt_ss"), optionalNum(row, col, "ggt_sz"),
                    optionalNum(row, col, "south_money"));
            boolean legsKnown = f.hgt() != null && f.sgt() != null && f.northMoney() != null;
            return legsKnown && Math.abs(f.northMoney() - f.hgt() - f.sgt()) > 0.05 ? Outcome.rejected("flow_inconsistent")
                    : Outcome.of(f);
        }, f -> f.tradeDate().toString());
    }

    /**
     * Tushare fina_indicator rows, each version of a period kept: a row without a stock code is
     * malformed, one whose dates do not parse or that is announced on or before its period's end
     * {@code bad_date}; a second row with the same code, period and announcement a duplicate.
     */
    public static Result<FundamentalsStore.Row> fundamentals(TushareTable table) {
        return clean(table, new RowKey("ts_code", "end_date"), (row, col) -> {
            String code = text(row, col, "ts_code");
            if (!TsCode.isValid(code) || !Board.isStock(TsCode.of(code))) {
                return Outcome.rejected("malformed");
            }
            LocalDate end;
            LocalDate ann;
            try {
                end = date(row, col, "end_date");
                ann = date(row, col, "ann_date");
            } catch (RuntimeException e) {
                return Outcome.rejected("bad_date");
            }
            if (!ann.isAfter(end)) {
                return Outcome.rejected("bad_date");
            }
            return Outcome.of(new FundamentalsStore.Row(TsCode.of(code), end, ann, optionalNum(row, col, "eps"),
                    optionalNum(row, col, "roe"), optionalNum(row, col, "bps"), optionalNum(row, col, "grossprofit_margin"),
                    optionalNum(row, col, "debt_to_assets"), optionalText(row, col, "update_flag")));
        }, r -> r.tsCode() + "|" + r.endDate() + "|" + r.annDate());
    }

    static Double optionalNum(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        return v == null || v instanceof String s && s.isBlank() ? null : num(row, col, name);
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

    /**
     * Tushare index_weight rows: a row whose codes are not valid is malformed, one whose date does
     * not parse {@code bad_date}, a weight outside [0, 100] {@code bad_weight}, a second row of the
     * same index, day and constituent a duplicate.
     */
    public static Result<IndexWeight> indexWeights(TushareTable table) {
        return clean(table, new RowKey("con_code", "trade_date"), (row, col) -> {
            String index = text(row, col, "index_code");
            String member = text(row, col, "con_code");
            if (!TsCode.isValid(index) || !TsCode.isValid(member)) {
                return Outcome.rejected("malformed");
            }
            LocalDate day;
            try {
                day = date(row, col, "trade_date");
            } catch (RuntimeException e) {
                return Outcome.rejected("bad_date");
            }
            double weight = num(row, col, "weight");
            if (!(weight >= 0 && weight <= 100)) {
                return Outcome.rejected("bad_weight");
            }
            return Outcome.of(new IndexWeight(TsCode.of(index), TsCode.of(member), day, weight));
        }, w -> w.indexCode() + "|" + w.tradeDate() + "|" + w.conCode());
    }

}
