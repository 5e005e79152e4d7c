package com.alphaquant.tusharesim;

import com.alphaquant.market.csv.CsvFormatException;
import com.alphaquant.market.csv.TushareCsv;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * One Tushare-format table held column by column (text columns interned, numbers as
 * {@code double[]} with NaN for empty cells), sorted like Tushare answers (date descending,
 * then code ascending) and indexed by code and by date so that a query for one day of the
 * whole market, or for one stock over a range, is a binary search rather than a scan.
 * Files are loaded once per JVM while memory allows (a soft cache keyed by path, size and
 * modification time), so many simulators in one test run share the parse.
 */
final class DataFile {

    /**
     * Candidate date and code key columns, in order of preference; namechange keys on start_date
     * before ann_date, which Tushare leaves empty on some of its rows.
     */
    private static final List<String> DATE_KEYS = List.of("trade_date", "cal_date", "start_date", "ann_date");
    private static final List<String> CODE_KEYS = List.of("ts_code", "con_code", "index_code");

    private static final Map<String, SoftReference<DataFile>> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    static final DataFile EMPTY = new DataFile("(no data)", new LinkedHashMap<>(), new HashMap<>(), 0);

    private final String source;
    private final int size;
    private final Map<String, Object> columns;
    private final Map<String, ApiCatalog.Type> types;
    private final String dateKey;
    private final String codeKey;
    /** The date key of each row as an int yyyyMMdd, descending; null without a date key. */
    private final int[] dates;
    /** Rows of each code, ascending (so dates descending); null without a code key. */
    private final Map<String, int[]> byCode;
    private final Map<String, double[]> derived = new ConcurrentHashMap<>();

    private DataFile(String source, Map<String, Object> columns, Map<String, ApiCatalog.Type> types, int size) {
        this.source = source;
        this.types = types;
        this.dateKey = DATE_KEYS.stream().filter(columns::containsKey).findFirst().orElse(null);
        this.codeKey = CODE_KEYS.stream().filter(columns::containsKey).findFirst().orElse(null);
        int[] order = dateKey == null ? null : sortOrder(columns, dateKey, codeKey, size);
        Map<String, Object> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            sorted.put(e.getKey(), order == null ? e.getValue() : permute(e.getValue(), order));
        }
        this.columns = sorted;
        this.size = size;
        if (dateKey != null) {
            String[] keyCells = (String[]) sorted.get(dateKey);
            dates = new int[size];
            for (int i = 0; i < size; i++) {
                dates[i] = dateInt(keyCells[i]);
            }
        } else {
            dates = null;
        }
        if (codeKey != null) {
            String[] codes = (String[]) sorted.get(codeKey);
            Map<String, IntList> lists = new HashMap<>();
            for (int i = 0; i < size; i++) {
                if (codes[i] != null) {
                    lists.computeIfAbsent(codes[i], k -> new IntList()).add(i);
                }
            }
            Map<String, int[]> index = new HashMap<>(lists.size() * 2);
            lists.forEach((k, v) -> index.put(k, v.toArray()));
            byCode = index;
        } else {
            byCode = null;
        }
    }

    /** A table built in memory (derived tables, tests): text columns as String[], numbers as double[]. */
    static DataFile of(String source, Map<String, Object> columns, int size) {
        Map<String, ApiCatalog.Type> types = new HashMap<>();
        Map<String, Object> copy = new LinkedHashMap<>();
        columns.forEach((name, values) -> {
            ApiCatalog.Type type = ApiCatalog.typeOf(name);
            if (type == null) {
                throw new IllegalArgumentException("unknown column " + name);
            }
            types.put(name, type);
            copy.put(name, values);
        });
        for (String key : DATE_KEYS) {
            if (copy.containsKey(key)) {
                String[] cells = (String[]) copy.get(key);
                for (int i = 0; i < size; i++) {
                    if (cells[i] == null || dateInt(cells[i]) < 0) {
                        throw new IllegalArgumentException(source + " row " + (i + 1) + ": " + key + " is not a yyyyMMdd date");
                    }
                }
                break;
            }
        }
        return new DataFile(source, copy, types, size);
    }

    /** Loads (or takes from the cache) a Tushare CSV file, plain or gzip. */
    static DataFile load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String key;
        try {
            key = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + abs + ": " + e.getMessage(), e);
        }
        SoftReference<DataFile> ref = CACHE.get(key);
        DataFile cached = ref == null ? null : ref.get();
        if (cached != null) {
            return cached;
        }
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            ref = CACHE.get(key);
            cached = ref == null ? null : ref.get();
            if (cached == null) {
                cached = read(abs);
                CACHE.put(key, new SoftReference<>(cached));
            }
            return cached;
        }
    }

    /** The column names of a file's header row (reads only the first line). */
    static List<String> header(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 12)) {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            InputStream body = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException(file + " is empty, expected a header row");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> names = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                String name = cell.trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                names.add(name);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataFile read(Path file) {
        List<String> header = header(file);
        List<String> wanted = new ArrayList<>();
        Map<String, ApiCatalog.Type> types = new HashMap<>();
        for (String column : header) {
            ApiCatalog.Type type = ApiCatalog.typeOf(column);
            if (type != null && !types.containsKey(column)) {
                wanted.add(column);
                types.put(column, type);
            }
        }
        String dateKey = DATE_KEYS.stream().filter(types::containsKey).findFirst().orElse(null);
        int n = wanted.size();
        String[] names = wanted.toArray(String[]::new);
        ApiCatalog.Type[] colTypes = new ApiCatalog.Type[n];
        Object[] builders = new Object[n];
        List<Map<String, String>> interns = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            colTypes[c] = types.get(names[c]);
            boolean number = colTypes[c] == ApiCatalog.Type.NUM || colTypes[c] == ApiCatalog.Type.INT;
            builders[c] = number ? new DoubleList() : new StrList();
            interns.add(new HashMap<>());
        }
        int[] count = {0};
        TushareCsv.forEachRow(file, dateKey == null ? List.of() : List.of(dateKey), row -> {
            for (int c = 0; c < n; c++) {
                String cell = row.text(names[c]).trim();
                switch (colTypes[c]) {
                    case NUM, INT -> {
                        double v;
                        if (cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("null")) {
                            v = Double.NaN;
                        } else {
                            try {
                                v = Double.parseDouble(cell);
                            } catch (NumberFormatException e) {
                                throw row.error("column '" + names[c] + "' has '" + cell + "', not a number", e);
                            }
                        }
                        ((DoubleList) builders[c]).add(v);
                    }
                    case DATE -> {
                        String date = normalizeDate(cell);
                        if (date == null && !cell.isEmpty()) {
                            throw row.error("column '" + names[c] + "' has '" + cell + "', not a date (yyyyMMdd or yyyy-MM-dd)");
                        }
                        if (date == null && names[c].equals(dateKey)) {
                            throw row.error("column '" + names[c] + "' is empty");
                        }
                        ((StrList) builders[c]).add(date == null ? null : interns.get(c).computeIfAbsent(date, k -> k));
                    }
                    case STR -> ((StrList) builders[c]).add(cell.isEmpty() ? null : interns.get(c).computeIfAbsent(cell, k -> k));
                    default -> throw new IllegalStateException();
                }
            }
            count[0]++;
        });
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            columns.put(names[c], builders[c] instanceof DoubleList d ? d.toArray() : ((StrList) builders[c]).toArray());
        }
        return new DataFile(file.toString(), columns, types, count[0]);
    }

    /** {@code yyyyMMdd} as is, {@code yyyy-MM-dd} without dashes; null when empty or neither. */
    static String normalizeDate(String cell) {
        if (cell.length() == 8 && isDigits(cell)) {
            return cell;
        }
        if (cell.length() == 10 && cell.charAt(4) == '-' && cell.charAt(7) == '-') {
            String compact = cell.substring(0, 4) + cell.substring(5, 7) + cell.substring(8);
            return isDigits(compact) ? compact : null;
        }
        return null;
    }

    /** A yyyyMMdd text as an int, or -1 when it is not eight digits. */
    static int dateInt(String date) {
        if (date == null || date.length() != 8 || !isDigits(date)) {
            return -1;
        }
        return Integer.parseInt(date);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int[] sortOrder(Map<String, Object> columns, String dateKey, String codeKey, int size) {
        String[] dateCells = (String[]) columns.get(dateKey);
        String[] codes = codeKey == null ? null : (String[]) columns.get(codeKey);
        int[] dateInts = new int[size];
        for (int i = 0; i < size; i++) {
            dateInts[i] = dateInt(dateCells[i]);
        }
        int[] fast = primitiveSortOrder(dateInts, codes, size);
        if (fast != null) {
            return fast;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(dateInts[b], dateInts[a]);
            if (c != 0 || codes == null) {
                return c;
            }
            String ca = codes[a];
            String cb = codes[b];
            return ca == null ? (cb == null ? 0 : 1) : cb == null ? -1 : ca.compareTo(cb);
        });
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /**
     * The same order as a sort of longs: 27 bits of inverted date, 16 of code rank, 20 of row
     * number (stable); null when the table is too large for that packing.
     */
    private static int[] primitiveSortOrder(int[] dates, String[] codes, int size) {
        if (size >= 1 << 20) {
            return null;
        }
        Map<String, Integer> rank = new HashMap<>();
        if (codes != null) {
            java.util.TreeSet<String> distinct = new java.util.TreeSet<>();
            for (String c : codes) {
                if (c != null) {
                    distinct.add(c);
                }
            }
            if (distinct.size() >= (1 << 16) - 1) {
                return null;
            }
            int r = 0;
            for (String c : distinct) {
                rank.put(c, r++);
            }
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            long inverted = 99_999_999L - dates[i]; // dates are 8 digits, so 0 .. 99,999,999 < 2^27
            long codeRank = codes == null ? 0 : codes[i] == null ? (1 << 16) - 1 : rank.get(codes[i]);
            keys[i] = inverted << 36 | codeRank << 20 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & ((1 << 20) - 1));
        }
        return order;
    }

    private static Object permute(Object column, int[] order) {
        if (column instanceof double[] d) {
            double[] out = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                out[i] = d[order[i]];
            }
            return out;
        }
        String[] s = (String[]) column;
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = s[order[i]];
        }
        return out;
    }

    String source() {
        return source;
    }

    int size() {
        return size;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    ApiCatalog.Type type(String column) {
        return types.get(column);
    }

    /** The column's cells: String[] for text and dates, double[] for numbers; null if absent. */
    Object column(String column) {
        return columns.get(column);
    }

    String dateKey() {
        return dateKey;
    }

    String codeKey() {
        return codeKey;
    }

    int[] dates() {
        return dates;
    }

    /** The rows of a code (ascending, i.e. newest first), empty when the code is absent. */
    int[] rowsOf(String code) {
        int[] rows = byCode == null ? null : byCode.get(code);
        return rows == null ? new int[0] : rows;
    }

    /** A column computed once from this table (e.g. adj_factor from adj_factor_rel). */
    double[] derived(String key, Function<DataFile, double[]> compute) {
        return derived.computeIfAbsent(key, k -> compute.apply(this));
    }

    /** The distinct codes (no particular order), for derivations. */
    List<String> codes() {
        return byCode == null ? List.of() : new ArrayList<>(byCode.keySet());
    }

    static void clearCache() {
        CACHE.clear();
    }

    /** Wraps a CSV problem so that start-up reports the file. */
    static RuntimeException describe(Path file, RuntimeException e) {
        if (e instanceof CsvFormatException) {
            return e;
        }
        return new IllegalArgumentException("Cannot load " + file + ": " + e.getMessage(), e);
    }

    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleList {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class StrList {
        private String[] a = new String[1024];
        private int n;

        void add(String v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        String[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
