package com.alphaquant.tusharesim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One API bound to its data: resolves each output field to a column of a {@link DataFile}, a
 * derived column or a constant (null where the file lacks the field), validates parameters and
 * answers queries as a page of row numbers.
 */
final class ApiTable {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]+\\.[A-Za-z]+");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final ApiCatalog.Api api;
    private final DataFile data;
    /** Per field: String[] (text/date), double[] (number), a String constant, or null (no data). */
    private final Map<String, Object> columns = new HashMap<>();

    ApiTable(ApiCatalog.Api api, DataFile data) {
        this.api = api;
        this.data = data;
        for (ApiCatalog.Field f : api.fields()) {
            columns.put(f.name(), data.column(f.name()));
        }
        if (api.name().equals(ApiCatalog.ADJ_FACTOR) && !data.has("adj_factor") && data.has("adj_factor_rel")) {
            columns.put("adj_factor", data.derived("adj_factor<-adj_factor_rel", ApiTable::adjFactorFromRel));
        }
        if (api.name().equals(ApiCatalog.STOCK_BASIC) && !data.has("list_status") && data.size() > 0) {
            columns.put("list_status", "L"); // the sample holds stocks listed at the time it was taken
        }
    }

    /**
     * adj_factor_rel (Tushare adj_factor divided by its latest value) rescaled per stock so that
     * its smallest value in the file is 1, rounded to 6 decimals: positive, rising over time
     * like Tushare's own factors, and ratios between days (all that price adjustment uses) are kept.
     */
    static double[] adjFactorFromRel(DataFile data) {
        double[] rel = (double[]) data.column("adj_factor_rel");
        double[] out = new double[data.size()];
        Arrays.fill(out, Double.NaN);
        for (String code : data.codes()) {
            int[] rows = data.rowsOf(code);
            double min = Double.POSITIVE_INFINITY;
            for (int r : rows) {
                if (rel[r] > 0 && rel[r] < min) {
                    min = rel[r];
                }
            }
            for (int r : rows) {
                if (rel[r] > 0) {
                    out[r] = Math.round(rel[r] / min * 1e6) / 1e6;
                }
            }
        }
        return out;
    }

    ApiCatalog.Api api() {
        return api;
    }

    int size() {
        return data.size();
    }

    /** One page of an answer: the fields and the rows {@code rows[from, to)} of {@code total} matches. */
    record Page(List<String> fields, int[] rows, int from, int to) {

        int total() {
            return rows.length;
        }

        int count() {
            return to - from;
        }

        boolean hasMore() {
            return to < rows.length;
        }
    }

    /** Validates the request and selects its rows; a bad parameter or field is a {@link SimError}. */
    Page query(Map<String, String> params, List<String> requestedFields, int rowCap, boolean strictParams) {
        return query(params, requestedFields, rowCap, strictParams, Integer.MAX_VALUE);
    }

    /** As {@link #query(Map, List, int, boolean)}, rows dated after {@code publishedThrough} ({@code yyyyMMdd}) left out. */
    Page query(Map<String, String> params, List<String> requestedFields, int rowCap, boolean strictParams,
               int publishedThrough) {
        List<String> fields = resolveFields(requestedFields);
        int offset = 0;
        int limit = 0;
        Set<String> codes = null;
        int from = Integer.MIN_VALUE;
        int to = Integer.MAX_VALUE;
        Map<String, String> equals = new HashMap<>();
        for (ApiCatalog.Param p : api.params()) {
            if (p.defaultValue() != null && !params.containsKey(p.name())) {
                equals.put(p.field(), p.defaultValue());
            }
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (name.equals("offset") || name.equals("limit")) {
                int n = value.isEmpty() ? 0 : nonNegative(name, value);
                if (name.equals("offset")) {
                    offset = n;
                } else {
                    limit = n;
                }
                continue;
            }
            ApiCatalog.Param p = api.param(name);
            if (p == null) {
                if (strictParams) {
                    throw SimError.badParam("接口" + api.name() + "不支持参数" + name + " (api " + api.name()
                            + " has no param '" + name + "'; it takes " + String.join(", ", api.paramNames()) + ")");
                }
                continue;
            }
            if (value.isEmpty() || p.kind() == ApiCatalog.Kind.IGNORED) {
                continue;
            }
            check(p, value);
            switch (p.kind()) {
                case CODES -> {
                    codes = new LinkedHashSet<>();
                    for (String c : value.split(",")) {
                        codes.add(c.trim());
                    }
                }
                case DATE_EQ -> {
                    int d = Integer.parseInt(value);
                    from = Math.max(from, d);
                    to = Math.min(to, d);
                }
                case DATE_FROM -> from = Math.max(from, Integer.parseInt(value));
                case DATE_TO -> to = Math.min(to, Integer.parseInt(value));
                case EQ -> equals.put(p.field(), value);
                default -> {
                }
            }
        }
        equals.values().removeIf(String::isEmpty);
        if (api.dateField() != null) {
            to = Math.min(to, publishedThrough);
        }
        int[] rows = select(codes, from, to);
        if (!equals.isEmpty()) {
            rows = filter(rows, equals);
        }
        int cap = rowCap > 0 ? rowCap : Integer.MAX_VALUE;
        int size = limit > 0 ? Math.min(limit, cap) : cap;
        int start = Math.min(offset, rows.length);
        int end = (int) Math.min((long) start + size, rows.length);
        return new Page(fields, rows, start, end);
    }

    private List<String> resolveFields(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return api.defaultFields();
        }
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (String f : requested) {
            String name = f.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (api.field(name) == null) {
                throw new SimError(SimError.BAD_PARAMS, "接口" + api.name() + "不包含字段" + name + " (api " + api.name()
                        + " has no field '" + name + "'; fields: " + String.join(",", api.fields().stream()
                        .map(ApiCatalog.Field::name).toList()) + ")");
            }
            fields.add(name);
        }
        return fields.isEmpty() ? api.defaultFields() : new ArrayList<>(fields);
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SimError.badParam(name + " 应为非负整数，收到 '" + value + "' (param '" + name + "' must be a non-negative integer)");
    }

    private static void check(ApiCatalog.Param p, String value) {
        switch (p.check()) {
            case DATE -> {
                try {
                    if (value.length() == 8) {
                        LocalDate.parse(value, YMD);
                        return;
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                throw SimError.badParam(p.name() + " 应为 yyyyMMdd 格式的日期，收到 '" + value + "' (param '" + p.name()
                        + "' must be a date yyyyMMdd)");
            }
            case CODE_LIST -> {
                for (String c : value.split(",", -1)) {
                    if (!CODE.matcher(c.trim()).matches()) {
                        throw SimError.badParam(p.name() + " 应为以逗号分隔的代码如 000001.SZ，收到 '" + value + "' (param '"
                                + p.name() + "' must be codes like 000001.SZ, comma-separated)");
                    }
                }
            }
            case ENUM -> {
                if (!p.allowed().contains(value)) {
                    throw SimError.badParam(p.name() + " 取值应为 " + new java.util.TreeSet<>(p.allowed()) + "，收到 '" + value
                            + "' (param '" + p.name() + "' must be one of " + new java.util.TreeSet<>(p.allowed()) + ")");
                }
            }
            default -> {
            }
        }
    }

    /** Rows for the codes (null: all) and the inclusive yyyyMMdd range, in table order. */
    private int[] select(Set<String> codes, int from, int to) {
        boolean byDate = from != Integer.MIN_VALUE || to != Integer.MAX_VALUE;
        if (byDate && from > to) {
            return new int[0];
        }
        String dateField = api.dateField();
        String codeField = api.codeField();
        boolean dateIndexed = dateField != null && dateField.equals(data.dateKey());
        boolean codeIndexed = codeField != null && codeField.equals(data.codeKey());
        int[] rows;
        if (codes != null && codeIndexed) {
            List<int[]> parts = new ArrayList<>();
            int n = 0;
            for (String code : codes) {
                int[] all = data.rowsOf(code);
                int[] part = byDate && dateIndexed ? slice(all, from, to) : all;
                parts.add(part);
                n += part.length;
            }
            rows = new int[n];
            int i = 0;
            for (int[] part : parts) {
                System.arraycopy(part, 0, rows, i, part.length);
                i += part.length;
            }
            if (parts.size() > 1) {
                Arrays.sort(rows);
            }
        } else if (byDate && dateIndexed) {
            int[] dates = data.dates();
            int lo = firstAtOrBelow(dates, to);
            int hi = from == Integer.MIN_VALUE ? dates.length : firstAtOrBelow(dates, from - 1);
            rows = new int[Math.max(0, hi - lo)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = lo + i;
            }
        } else {
            rows = new int[data.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
        }
        if (codes != null && !codeIndexed) {
            rows = filterCodes(rows, codeField, codes);
        }
        if (byDate && !dateIndexed) {
            rows = filterDates(rows, dateField, from, to);
        }
        return rows;
    }

    /** The first index whose date is at most {@code date} in a descending array. */
    private static int firstAtOrBelow(int[] dates, int date) {
        int lo = 0;
        int hi = dates.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[mid] > date) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The rows of one code (dates descending) within [from, to]. */
    private int[] slice(int[] rows, int from, int to) {
        int[] dates = data.dates();
        int lo = 0;
        int hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[rows[mid]] > to) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int start = lo;
        hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dates[rows[mid]] >= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Arrays.copyOfRange(rows, start, lo);
    }

    private int[] filterCodes(int[] rows, String field, Set<String> codes) {
        Object column = field == null ? null : columns.get(field);
        if (!(column instanceof String[] cells)) {
            return new int[0];
        }
        return Arrays.stream(rows).filter(r -> cells[r] != null && codes.contains(cells[r])).toArray();
    }

    private int[] filterDates(int[] rows, String field, int from, int to) {
        Object column = field == null ? null : columns.get(field);
        if (!(column instanceof String[] cells)) {
            return new int[0];
        }
        return Arrays.stream(rows).filter(r -> {
            int d = DataFile.dateInt(cells[r]);
            return d >= 0 && d >= from && d <= to;
        }).toArray();
    }

    private int[] filter(int[] rows, Map<String, String> equals) {
        List<java.util.function.IntPredicate> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : equals.entrySet()) {
            Object column = columns.get(e.getKey());
            String want = e.getValue();
            if (column instanceof String[] cells) {
                tests.add(r -> want.equals(cells[r]));
            } else if (column instanceof double[] nums) {
                double w;
                try {
                    w = Double.parseDouble(want);
                } catch (NumberFormatException ex) {
                    return new int[0];
                }
                tests.add(r -> nums[r] == w);
            } else if (column instanceof String constant) {
                if (!constant.equals(want)) {
                    return new int[0];
                }
            } else {
                return new int[0]; // the data has no such field: nothing matches
            }
        }
        return Arrays.stream(rows).filter(r -> {
            for (java.util.function.IntPredicate t : tests) {
                if (!t.test(r)) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    /** Writes {@code [[...],[...]]} for the page's rows and fields. */
    void writeItems(StringBuilder out, Page page) {
        int nf = page.fields().size();
        Object[] cols = new Object[nf];
        ApiCatalog.Type[] types = new ApiCatalog.Type[nf];
        for (int f = 0; f < nf; f++) {
            String name = page.fields().get(f);
            cols[f] = columns.get(name);
            types[f] = api.field(name).type();
        }
        out.append('[');
        for (int i = page.from(); i < page.to(); i++) {
            if (i > page.from()) {
                out.append(',');
            }
            int r = page.rows()[i];
            out.append('[');
            for (int f = 0; f < nf; f++) {
                if (f > 0) {
                    out.append(',');
                }
                Object col = cols[f];
                if (col instanceof String[] cells) {
                    Json.string(out, cells[r]);
                } else if (col instanceof double[] nums) {
                    Json.number(out, nums[r], types[f] == ApiCatalog.Type.INT);
                } else if (col instanceof String constant) {
                    Json.string(out, constant);
                } else {
                    out.append("null");
                }
            }
            out.append(']');
        }
        out.append(']');
    }

    /** A cell as text (tests and derivations). */
    String text(String field, int row) {
        Object col = columns.get(field);
        if (col instanceof String[] cells) {
            return cells[row];
        }
        if (col instanceof double[] nums) {
            return Double.isNaN(nums[row]) ? null : BigDecimal.valueOf(nums[row]).toPlainString();
        }
        return col instanceof String s ? s : null;
    }
}
