package com.alphaquant.backtest;

import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded weights CSV that rotates through random stocks every trading day: many trades. */
public final class RandomWeights {

    private RandomWeights() {
    }

    /**
     * Writes {@code trade_date,ts_code,weight} rows: each trading day in [from, to], {@code perDay}
     * random stocks with random weights summing to {@code invested}.
     */
    public static Path write(Path file, TradingCalendar calendar, List<TsCode> stocks, LocalDate from, LocalDate to,
                             int perDay, double invested, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("trade_date,ts_code,weight\n");
        for (LocalDate day : calendar.openDays(from, to)) {
            List<TsCode> shuffled = new ArrayList<>(stocks);
            Collections.shuffle(shuffled, random);
            double[] raw = new double[perDay];
            double sum = 0;
            for (int k = 0; k < perDay; k++) {
                raw[k] = 0.2 + random.nextDouble();
                sum += raw[k];
            }
            for (int k = 0; k < perDay; k++) {
                sb.append(day.toString().replace("-", "")).append(',').append(shuffled.get(k)).append(',')
                        .append(raw[k] / sum * invested * (1 - 1e-9)).append('\n');
            }
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
