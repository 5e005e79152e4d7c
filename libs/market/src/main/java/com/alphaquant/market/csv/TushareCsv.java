package com.alphaquant.market.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads Tushare-format CSV: a header row of column names, then data rows; plain or gzip
 * (detected from the content, not the file name). Hand-written rather than a CSV library
 * because factor and backtest runs read millions of rows and the format is simple: commas,
 * optional double quotes, no embedded newlines.
 */
public final class TushareCsv {

    private TushareCsv() {
    }

    /** Calls {@code consumer} for every data row of {@code file}. */
    public static void forEachRow(Path file, List<String> requiredColumns, Consumer<CsvRow> consumer) {
        try (InputStream in = Files.newInputStream(file)) {
            forEachRow(file.getFileName().toString(), in, requiredColumns, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code consumer} for every data row of a stream named {@code source} in messages. */
    public static void forEachRow(String source, InputStream raw, List<String> requiredColumns, Consumer<CsvRow> consumer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new CsvFormatException(source, 1, "file is empty, expected a header row");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            Map<String, Integer> columns = new HashMap<>();
            String[] names = split(header);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim(), i);
            }
            for (String column : requiredColumns) {
                if (!columns.containsKey(column)) {
                    throw new CsvFormatException(source, 1, "header lacks column '" + column + "' (has " + String.join(",", names) + ")");
                }
            }
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = split(text);
                if (cells.length != names.length) {
                    throw new CsvFormatException(source, line, "has " + cells.length + " cells, the header has " + names.length);
                }
                consumer.accept(new CsvRow(source, line, columns, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static String[] split(String line) {
        if (line.indexOf('"') < 0) {
            return line.split(",", -1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
