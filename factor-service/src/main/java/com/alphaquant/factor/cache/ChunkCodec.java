package com.alphaquant.factor.cache;

import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.market.TsCode;
import java.nio.ByteBuffer;

/**
 * A chunk as bytes: format byte, factor count, row count, then the dates, adjusted closes and
 * each factor's column as raw doubles (NaN survives, nothing is rounded). ~200 bytes per
 * stock-day, against ~600 as JSON.
 */
final class ChunkCodec {

    private static final byte FORMAT = 1;

    private ChunkCodec() {
    }

    static byte[] encode(StockFactors s) {
        int n = s.size();
        int k = s.values().length;
        ByteBuffer buf = ByteBuffer.allocate(1 + 4 + 4 + n * 4 + n * 8 * (1 + k));
        buf.put(FORMAT).putInt(k).putInt(n);
        for (int d : s.dates()) {
            buf.putInt(d);
        }
        buf.asDoubleBuffer().put(s.adjClose());
        buf.position(buf.position() + n * 8);
        for (double[] column : s.values()) {
            buf.asDoubleBuffer().put(column);
            buf.position(buf.position() + n * 8);
        }
        return buf.array();
    }

    /** Null when the bytes are not a chunk of {@code factors} factors (an old format: a miss, not an error). */
    static StockFactors decode(TsCode code, int factors, byte[] bytes) {
        if (bytes == null || bytes.length < 9) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (buf.get() != FORMAT || buf.getInt() != factors) {
            return null;
        }
        int n = buf.getInt();
        if (bytes.length != 9 + n * 4 + n * 8 * (1 + factors)) {
            return null;
        }
        int[] dates = new int[n];
        for (int i = 0; i < n; i++) {
            dates[i] = buf.getInt();
        }
        double[] close = new double[n];
        buf.asDoubleBuffer().get(close);
        buf.position(buf.position() + n * 8);
        double[][] values = new double[factors][n];
        for (double[] column : values) {
            buf.asDoubleBuffer().get(column);
            buf.position(buf.position() + n * 8);
        }
        return new StockFactors(code, dates, close, values);
    }
}
