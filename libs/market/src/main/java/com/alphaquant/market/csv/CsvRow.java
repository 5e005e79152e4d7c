package com.alphaquant.market.csv;

import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One data row of a Tushare CSV file with typed accessors by column name; every parse
 * failure becomes a {@link CsvFormatException} naming the line, the column and the value.
 */
public final class CsvRow {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final String source;
    private final long line;
    private final Map<String, Integer> columns;
    private final String[] cells;

    CsvRow(String source, long line, Map<String, Integer> columns, String[] cells) {
        this.source = source;
        this.line = line;
        this.columns = columns;
        this.cells = cells;
    }

    public long line() {
        return line;
    }

    public boolean has(String column) {
        Integer i = columns.get(column);
        return i != null && i < cells.length && !cells[i].isEmpty();
    }

    public String text(String column) {
        Integer i = columns.get(column);
        if (i == null) {
            throw error("no column '" + column + "' in the header");
        }
        return i < cells.length ? cells[i] : "";
    }

    public String required(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw error("column '" + column + "' is empty");
        }
        return value;
    }

    public double number(String column) {
        String value = required(column);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error("column '" + column + "' has '" + value + "', not a number", e);
        }
    }

    /** A number, or NaN when the column is absent or the cell empty. */
    public double optionalNumber(String column) {
        return has(column) ? number(column) : Double.NaN;
    }

    /** A date as Tushare writes it ({@code yyyyMMdd}) or ISO ({@code yyyy-MM-dd}). */
    public LocalDate date(String column) {
        String value = required(column);
        try {
            return value.length() == 8 ? LocalDate.parse(value, BASIC) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error("column '" + column + "' has '" + value + "', not a date (yyyyMMdd or yyyy-MM-dd)", e);
        }
    }

    public TsCode tsCode(String column) {
        String value = required(column);
        try {
            return TsCode.of(value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), e);
        }
    }

    public CsvFormatException error(String problem) {
        return new CsvFormatException(source, line, problem);
    }

    public CsvFormatException error(String problem, Throwable cause) {
        return new CsvFormatException(source, line, problem, cause);
    }
}
