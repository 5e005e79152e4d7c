package com.alphaquant.data.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), written
 * by hand into one byte array. The server then stores the values as they are: no text to parse
 * (float8in and date_in cost as much as the heap insert), and the client formats no doubles.
 * Values go as the column types' binary receive functions expect them: {@code float8} as IEEE
 * 754 big-endian, {@code date} as days since 2000-01-01, {@code varchar}/{@code text} as UTF-8
 * (the driver's client encoding).
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] buf;
    private int len;

    BinaryCopy(int expectedBytes) {
        buf = new byte[Math.max(64, expectedBytes)];
        put(SIGNATURE, 0, SIGNATURE.length);
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    /** Starts a row of {@code fields} values. */
    BinaryCopy row(int fields) {
        int16(fields);
        return this;
    }

    BinaryCopy text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        put(bytes, 0, bytes.length);
        return this;
    }

    BinaryCopy date(LocalDate value) {
        int32(4);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    BinaryCopy float8(double value) {
        int32(8);
        int64(Double.doubleToRawLongBits(value));
        return this;
    }

    /** The whole COPY stream, trailer included; this writer is done. */
    byte[] finish() {
        int16(-1);
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] bytes, int off, int n) {
        ensure(n);
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
