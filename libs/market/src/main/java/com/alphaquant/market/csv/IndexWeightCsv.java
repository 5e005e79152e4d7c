package com.alphaquant.market.csv;

import com.alphaquant.market.IndexWeight;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Tushare {@code index_weight} rows (index_code, con_code, trade_date, weight), read and written. */
public final class IndexWeightCsv {

    static final List<String> COLUMNS = List.of("index_code", "con_code", "trade_date", "weight");

    private IndexWeightCsv() {
    }

    public static List<IndexWeight> read(Path file) {
        List<IndexWeight> rows = new ArrayList<>();
        TushareCsv.forEachRow(file, COLUMNS, row -> {
            try {
                rows.add(new IndexWeight(row.tsCode("index_code"), row.tsCode("con_code"), row.date("trade_date"),
                        row.number("weight")));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage(), e);
            }
        });
        return rows;
    }

    /** Writes rows in the given order; gzip when the name ends in {@code .gz}, without a timestamp so bytes are reproducible. */
    public static void write(Path file, List<IndexWeight> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream raw = Files.newOutputStream(file);
                 OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
                 Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write(String.join(",", COLUMNS) + "\n");
                for (IndexWeight r : rows) {
                    w.write(r.indexCode() + "," + r.conCode() + "," + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(r.tradeDate()) + ","
                            + String.format(Locale.ROOT, "%.4f", r.weight()) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
