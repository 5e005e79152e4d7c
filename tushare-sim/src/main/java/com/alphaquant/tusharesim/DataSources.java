package com.alphaquant.tusharesim;

import com.alphaquant.market.IndustryClassification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where each API's rows come from: a file (found by the directory convention or mapped
 * explicitly), a derivation from stock_basic (industry classification and membership), or
 * nothing (the API answers its fields with no items). Tables load lazily, on first use.
 */
final class DataSources {

    private final Map<String, Path> files;
    private final Set<String> derivedFromStockBasic;
    private final Map<String, ApiTable> tables = new LinkedHashMap<>();

    private DataSources(Map<String, Path> files, Set<String> derivedFromStockBasic) {
        this.files = files;
        this.derivedFromStockBasic = derivedFromStockBasic;
    }

    /**
     * Resolves the mapping: files of {@code dataDir} by convention (when not null), then the
     * explicit {@code mapped} files over them; checks every file's header at once.
     */
    static DataSources resolve(Path dataDir, Map<String, Path> mapped) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (dataDir != null) {
            files.putAll(scan(dataDir)); // synthetic stand-ins included where the real sample has no file
        }
        for (Map.Entry<String, Path> e : mapped.entrySet()) {
            if (ApiCatalog.api(e.getKey()) == null) {
                throw new IllegalArgumentException("Unknown api '" + e.getKey() + "' mapped to " + e.getValue()
                        + "; the simulator serves " + ApiCatalog.names());
            }
            if (!Files.isRegularFile(e.getValue())) {
                throw new IllegalArgumentException("File for " + e.getKey() + " not found: " + e.getValue());
            }
            files.put(e.getKey(), e.getValue());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            List<String> header = DataFile.header(e.getValue());
            headers.put(e.getKey(), header);
            for (String column : required(e.getKey())) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(e.getValue() + " cannot serve " + e.getKey() + ": its header lacks '"
                            + column + "' (has " + String.join(",", header) + ")");
                }
            }
        }
        List<String> dailyHeader = headers.get(ApiCatalog.DAILY);
        if (!files.containsKey(ApiCatalog.ADJ_FACTOR) && dailyHeader != null
                && (dailyHeader.contains("adj_factor") || dailyHeader.contains("adj_factor_rel"))) {
            files.put(ApiCatalog.ADJ_FACTOR, files.get(ApiCatalog.DAILY));
        } else if (files.containsKey(ApiCatalog.ADJ_FACTOR)) {
            List<String> h = headers.get(ApiCatalog.ADJ_FACTOR);
            if (!h.contains("adj_factor") && !h.contains("adj_factor_rel")) {
                throw new IllegalArgumentException(files.get(ApiCatalog.ADJ_FACTOR)
                        + " cannot serve adj_factor: its header has neither adj_factor nor adj_factor_rel");
            }
        }
        Set<String> derived = new HashSet<>();
        List<String> basicHeader = headers.get(ApiCatalog.STOCK_BASIC);
        if (basicHeader != null && basicHeader.contains("industry")) {
            for (String api : List.of(ApiCatalog.INDEX_CLASSIFY, ApiCatalog.INDEX_MEMBER)) {
                if (!files.containsKey(api)) {
                    derived.add(api);
                }
            }
        }
        return new DataSources(files, derived);
    }

    /** Columns a file must have to serve an api. */
    private static List<String> required(String api) {
        return switch (api) {
            case ApiCatalog.INDEX_CLASSIFY -> List.of("index_code");
            case ApiCatalog.INDEX_MEMBER -> List.of("index_code", "con_code");
            default -> {
                ApiCatalog.Api a = ApiCatalog.api(api);
                List<String> cols = new ArrayList<>();
                if (a.codeField() != null) {
                    cols.add(a.codeField());
                }
                if (a.dateField() != null) {
                    cols.add(a.dateField());
                }
                yield cols;
            }
        };
    }

    /**
     * The directory convention: for each api, {@code <api>.csv} or {@code <api>.csv.gz}, else the
     * single file named {@code <api>_*.csv[.gz]}; files with {@code _qfq} or {@code _hfq} in the
     * name are skipped ({@code daily} serves unadjusted prices). Several candidates are an error.
     * An api without a file there takes one from {@code synthetic/} by the same rule: real data
     * wins wherever it exists.
     */
    static Map<String, Path> scan(Path dir) {
        Map<String, Path> found = scanOne(dir);
        Path synthetic = dir.resolve(SYNTHETIC_DIR);
        if (Files.isDirectory(synthetic)) {
            scanOne(synthetic).forEach(found::putIfAbsent);
        }
        return found;
    }

    /** Where made-up fixtures live, apart from the real sample they stand in for. */
    static final String SYNTHETIC_DIR = "synthetic";

    private static Map<String, Path> scanOne(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Data directory not found: " + dir);
        }
        List<Path> csv;
        try (Stream<Path> list = Files.list(dir)) {
            csv = list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".csv") || p.getFileName().toString().endsWith(".csv.gz"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (String api : ApiCatalog.names()) {
            List<Path> exact = csv.stream().filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(api + ".csv") || n.equals(api + ".csv.gz");
            }).toList();
            List<Path> candidates = !exact.isEmpty() ? exact : csv.stream().filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(api + "_") && !n.contains("_qfq") && !n.contains("_hfq");
            }).toList();
            if (candidates.size() > 1) {
                throw new IllegalArgumentException("Data directory " + dir + " has several files for " + api + ": "
                        + candidates.stream().map(p -> p.getFileName().toString()).toList()
                        + "; map one explicitly (builder file(api, path))");
            }
            if (candidates.size() == 1) {
                found.put(api, candidates.get(0));
            }
        }
        return found;
    }

    /** api → where its rows come from, for logs and the README. */
    Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        for (String api : ApiCatalog.names()) {
            Path file = files.get(api);
            if (file != null) {
                out.put(api, file.toString() + (api.equals(ApiCatalog.ADJ_FACTOR) && file.equals(files.get(ApiCatalog.DAILY))
                        ? " (derived from adj_factor_rel / per-stock minimum)" : ""));
            } else if (derivedFromStockBasic.contains(api)) {
                out.put(api, "derived from stock_basic.industry");
            } else {
                out.put(api, "(no data: empty items)");
            }
        }
        return out;
    }

    /** The bound table of an api, loading its file on first use. */
    ApiTable table(String api) {
        synchronized (tables) {
            ApiTable table = tables.get(api);
            if (table != null) {
                return table;
            }
        }
        ApiTable built = new ApiTable(ApiCatalog.api(api), data(api));
        synchronized (tables) {
            return tables.computeIfAbsent(api, k -> built);
        }
    }

    private DataFile data(String api) {
        Path file = files.get(api);
        if (file != null) {
            try {
                return DataFile.load(file);
            } catch (RuntimeException e) {
                throw DataFile.describe(file, e);
            }
        }
        if (derivedFromStockBasic.contains(api)) {
            return derive(api, data(ApiCatalog.STOCK_BASIC));
        }
        return DataFile.EMPTY;
    }

    /** Loads every table now (the command does, so that bad files show at start). */
    void loadAll() {
        for (String api : ApiCatalog.names()) {
            table(api);
        }
    }

    /**
     * index_classify and index_member from stock_basic's {@code industry} (Tushare's own
     * classification, not Shenwan): one level-L1 index per distinct industry, codes
     * {@code IND001.SIM}… in the industry names' sort order, src {@code SIM}; members are the
     * stocks with that industry, in_date = list_date, never out.
     */
    private static DataFile derive(String api, DataFile basic) {
        String[] codes = (String[]) basic.column("ts_code");
        String[] industries = (String[]) basic.column("industry");
        String[] names = basic.has("name") ? (String[]) basic.column("name") : new String[basic.size()];
        String[] listDates = basic.has("list_date") ? (String[]) basic.column("list_date") : new String[basic.size()];
        Map<String, String> codeOf = IndustryClassification.simIndustryCodes(java.util.Arrays.asList(industries));
        Map<String, Object> columns = new LinkedHashMap<>();
        if (api.equals(ApiCatalog.INDEX_CLASSIFY)) {
            int n = codeOf.size();
            String[] indexCode = new String[n];
            String[] industryName = new String[n];
            String[] industryCode = new String[n];
            int r = 0;
            for (Map.Entry<String, String> e : codeOf.entrySet()) {
                indexCode[r] = e.getValue() + ".SIM";
                industryName[r] = e.getKey();
                industryCode[r] = e.getValue();
                r++;
            }
            columns.put("index_code", indexCode);
            columns.put("industry_name", industryName);
            columns.put("level", filled(n, "L1"));
            columns.put("industry_code", industryCode);
            columns.put("is_pub", filled(n, "0"));
            columns.put("parent_code", filled(n, "0"));
            columns.put("src", filled(n, "SIM"));
            return DataFile.of("derived from stock_basic.industry", columns, n);
        }
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < basic.size(); r++) {
            if (codeOf.containsKey(industries[r]) && codes[r] != null) {
                rows.add(r);
            }
        }
        int n = rows.size();
        String[] indexCode = new String[n];
        String[] indexName = new String[n];
        String[] conCode = new String[n];
        String[] conName = new String[n];
        String[] inDate = new String[n];
        for (int k = 0; k < n; k++) {
            int r = rows.get(k);
            indexCode[k] = codeOf.get(industries[r]) + ".SIM";
            indexName[k] = industries[r];
            conCode[k] = codes[r];
            conName[k] = names[r];
            inDate[k] = listDates[r];
        }
        columns.put("index_code", indexCode);
        columns.put("index_name", indexName);
        columns.put("con_code", conCode);
        columns.put("con_name", conName);
        columns.put("in_date", inDate);
        columns.put("out_date", new String[n]);
        columns.put("is_new", filled(n, "Y"));
        return DataFile.of("derived from stock_basic.industry", columns, n);
    }

    private static String[] filled(int n, String value) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
