package com.alphaquant.cli;

import com.alphaquant.factor.engine.FactorDefinition;
import com.alphaquant.factor.engine.StockSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Factor CSV in stock order from the engine's stream, which delivers stocks from several threads
 * in any order: each stock is formatted by the thread that computed it (formatting doubles costs
 * more than computing them), then written as soon as every stock before it has been. Only the
 * stocks finished out of order wait in memory, so a 5,000-stock panel never is held whole.
 */
final class OrderedFactorCsv implements AutoCloseable {

    private final OutputStream out;
    private final int factorCount;
    private final byte[][] pending;
    private final ProgressBar progress;
    private int next;
    private int done;

    OrderedFactorCsv(OutputStream out, List<FactorDefinition> factors, int stocks, ProgressBar progress) throws IOException {
        this.out = out;
        this.factorCount = factors.size();
        this.pending = new byte[stocks][];
        this.progress = progress;
        StringBuilder header = new StringBuilder("ts_code,trade_date");
        factors.forEach(f -> header.append(',').append(f.name()));
        out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A {@code FactorSink}: the values are the engine's scratch arrays, so they are formatted now. */
    void accept(int stock, StockSeries series, double[][] values) {
        byte[] text = format(series, values);
        synchronized (this) {
            pending[stock] = text;
            try {
                while (next < pending.length && pending[next] != null) {
                    out.write(pending[next]);
                    pending[next++] = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (progress != null) {
                progress.update(++done, pending.length);
            }
        }
    }

    private byte[] format(StockSeries series, double[][] values) {
        String code = series.code().toString();
        int[] dates = series.dates();
        StringBuilder text = new StringBuilder(dates.length * (20 + 12 * factorCount));
        for (int row = 0; row < dates.length; row++) {
            text.append(code).append(',').append(dates[row]);
            for (int f = 0; f < factorCount; f++) {
                text.append(',');
                double v = values[f][row];
                if (!Double.isNaN(v)) {
                    text.append(v); // parses back to the same double
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
