package com.alphaquant.factor.api;

import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.FactorEngine;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;

/**
 * Writes factor rows straight to the response, JSON or CSV: a panel can be millions of values,
 * and a map per row for Jackson would cost more than computing them. NaN is {@code null} in
 * JSON and an empty cell in CSV; numbers are Java's shortest repr, which parses back exactly.
 */
final class FactorTableWriter {

    private final List<String> names;
    private final int[] columns;

    FactorTableWriter(List<String> names) {
        this(names, names.stream().mapToInt(FactorAnalysis::column).toArray());
    }

    /** {@code names[i]} is the values' column {@code columns[i]} (mined formulas after the 24). */
    FactorTableWriter(List<String> names, int[] columns) {
        this.names = names;
        this.columns = columns;
    }

    /**
     * {@code {"engineVersion":..., "rows":[{"tsCode","tradeDate","close","values":{name: number|null}}]}}.
     * {@code close} is the adjusted close (raw × Tushare's cumulative adj_factor, a basis that does
     * not move as new factors arrive): strategy-service marks its book with it (stops, volatility).
     */
    void json(Collection<StockFactors> stocks, Writer out) throws IOException {
        out.write("{\"engineVersion\":\"" + FactorEngine.VERSION + "\",\"rows\":[");
        boolean first = true;
        StringBuilder row = new StringBuilder(64 + names.size() * 32);
        for (StockFactors s : stocks) {
            for (int i = 0; i < s.size(); i++) {
                row.setLength(0);
                row.append(first ? "" : ",").append("{\"tsCode\":\"").append(s.code()).append("\",\"tradeDate\":\"");
                isoDate(s.dates()[i], row).append("\",\"close\":");
                double close = s.adjClose()[i];
                row.append(Double.isFinite(close) ? Double.toString(close) : "null").append(",\"values\":{");
                for (int c = 0; c < columns.length; c++) {
                    row.append(c == 0 ? "\"" : ",\"").append(names.get(c)).append("\":");
                    double v = s.values()[columns[c]][i];
                    row.append(Double.isFinite(v) ? Double.toString(v) : "null");
                }
                out.append(row.append("}}"));
                first = false;
            }
        }
        out.write("]}");
    }

    /** {@code ts_code,trade_date,<names>}, trade_date as Tushare's yyyymmdd like the CLI's files. */
    void csv(Collection<StockFactors> stocks, Writer out) throws IOException {
        out.write("ts_code,trade_date," + String.join(",", names) + "\n");
        StringBuilder row = new StringBuilder(32 + names.size() * 24);
        for (StockFactors s : stocks) {
            for (int i = 0; i < s.size(); i++) {
                row.setLength(0);
                row.append(s.code()).append(',').append(s.dates()[i]);
                for (int column : columns) {
                    double v = s.values()[column][i];
                    row.append(',');
                    if (Double.isFinite(v)) {
                        row.append(v);
                    }
                }
                out.append(row.append('\n'));
            }
        }
    }

    static StringBuilder isoDate(int yyyymmdd, StringBuilder to) {
        int y = yyyymmdd / 10_000;
        int m = yyyymmdd / 100 % 100;
        int d = yyyymmdd % 100;
        return to.append(y).append('-').append(m < 10 ? "0" : "").append(m).append('-').append(d < 10 ? "0" : "").append(d);
    }
}
