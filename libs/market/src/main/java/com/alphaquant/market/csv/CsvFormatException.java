package com.alphaquant.market.csv;

/** A CSV row that cannot be read; the message names the source, the line, the column and the value. */
public class CsvFormatException extends IllegalArgumentException {

    private final String source;
    private final long line;

    public CsvFormatException(String source, long line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public CsvFormatException(String source, long line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }
}
