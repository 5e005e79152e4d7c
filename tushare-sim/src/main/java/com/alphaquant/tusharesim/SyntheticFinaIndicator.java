package com.alphaquant.tusharesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the SYNTHETIC fina_indicator fixture (the real sample has no financial statements): the
 * 30 stocks of the mini sample, every quarter of 2017 to 2022, each period announced 20 to 110
 * days after it ends, and about one period in ten restated later (a second row with the same
 * end_date, a later ann_date and update_flag 1). The numbers are made up: a random walk per
 * stock, plausible in scale, no company's figures. The same seed writes the same bytes, so the
 * checked-in file can be regenerated and compared.
 *
 * <p>{@code java -cp tushare-sim.jar com.alphaquant.tusharesim.SyntheticFinaIndicator OUT.csv [seed]}
 */
public final class SyntheticFinaIndicator {

    public static final long SEED = 20170331L;
    public static final String HEADER = "ts_code,ann_date,end_date,eps,roe,bps,grossprofit_margin,debt_to_assets,update_flag";
    /** The stocks of the bundled mini sample (SampleData.BARS_MINI_30). */
    public static final List<String> CODES = List.of("000001.SZ", "000333.SZ", "000651.SZ", "000792.SZ", "000858.SZ",
            "002415.SZ", "002475.SZ", "002594.SZ", "300015.SZ", "300059.SZ", "300124.SZ", "300274.SZ", "300750.SZ",
            "300760.SZ", "600030.SH", "600036.SH", "600276.SH", "600519.SH", "600745.SH", "600900.SH", "601012.SH",
            "601318.SH", "601398.SH", "601888.SH", "688008.SH", "688012.SH", "688036.SH", "688111.SH", "688599.SH",
            "688981.SH");
    public static final LocalDate FIRST_PERIOD = LocalDate.of(2017, 3, 31);
    public static final LocalDate LAST_PERIOD = LocalDate.of(2022, 12, 31);
    public static final int MIN_LAG_DAYS = 20;
    public static final int MAX_LAG_DAYS = 110;
    private static final double RESTATED_SHARE = 0.1;
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private SyntheticFinaIndicator() {
    }

    /** The fixture's text: header, then rows by code, period and announcement. */
    public static String generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (String code : CODES) {
            double bps = 3 + random.nextDouble() * 30;
            double margin = 10 + random.nextDouble() * 60;
            double debt = 15 + random.nextDouble() * 70;
            for (LocalDate end = FIRST_PERIOD; !end.isAfter(LAST_PERIOD); end = quarterAfter(end)) {
                // roe is cumulative within the year (Tushare's convention): it grows by quarter.
                int quarter = end.getMonthValue() / 3;
                double roe = (2 + random.nextDouble() * 4) * quarter * (random.nextDouble() < 0.1 ? -1 : 1);
                bps = Math.max(0.5, bps * (1 + random.nextGaussian() * 0.03));
                margin = clamp(margin + random.nextGaussian() * 2, 1, 95);
                debt = clamp(debt + random.nextGaussian() * 2, 5, 95);
                double eps = bps * roe / 100;
                LocalDate ann = end.plusDays(random.nextInt(MIN_LAG_DAYS, MAX_LAG_DAYS + 1));
                row(out, code, ann, end, eps, roe, bps, margin, debt, "0");
                if (random.nextDouble() < RESTATED_SHARE) {
                    // A visible correction (2% to 15%, either way), as restated profits usually are.
                    double k = 1 + (random.nextBoolean() ? 1 : -1) * (0.02 + random.nextDouble() * 0.13);
                    row(out, code, ann.plusDays(random.nextInt(30, 201)), end, eps * k, roe * k, bps, margin, debt, "1");
                }
            }
        }
        return out.toString();
    }

    private static LocalDate quarterAfter(LocalDate end) {
        return end.plusMonths(3).with(TemporalAdjusters.lastDayOfMonth());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static void row(StringBuilder out, String code, LocalDate ann, LocalDate end, double eps, double roe, double bps,
                            double margin, double debt, String flag) {
        out.append(code).append(',').append(ann.format(YMD)).append(',').append(end.format(YMD));
        for (double v : new double[] {eps, roe, bps, margin, debt}) {
            out.append(',').append(String.format(Locale.ROOT, "%.4f", v));
        }
        out.append(',').append(flag).append('\n');
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticFinaIndicator OUT.csv [seed]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        Files.writeString(Path.of(args[0]), generate(seed), StandardCharsets.UTF_8);
    }
}
