package com.alphaquant.market.csv;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Tushare sample the repository carries in {@code data/sample} (provenance and terms:
 * docs/DATA.md): the one place that knows where it lies, for tests, benchmarks, the CLI and
 * {@code alphaquant up}. In order:
 * <ol>
 * <li>the system property {@value #DIR_PROPERTY}, else the environment variable {@value #DIR_ENV};</li>
 * <li>{@code data/sample} under the repository root given as the system property
 *     {@code alphaquant.home} (the {@code alphaquant} launcher sets it);</li>
 * <li>{@code data/sample} in the working directory or a folder above it;</li>
 * <li>{@code data/sample} above the place these classes were loaded from ({@code libs/market/target}
 *     in a build), so that tests run from any working directory find it.</li>
 * </ol>
 * A folder counts only when it holds the marker {@value #MARKER}. Callers fail loudly, never skip,
 * when the sample cannot be found: the message names every place that was tried.
 */
public final class SampleData {

    public static final String DIR_PROPERTY = "alphaquant.sample.dir";
    public static final String DIR_ENV = "ALPHAQUANT_SAMPLE_DIR";
    static final String MARKER = "README.md";
    private static final Path IN_REPOSITORY = Path.of("data", "sample");

    /** 300 CSI-300 stocks, unadjusted with {@code adj_factor_rel}, 2018-01-02 to 2022-12-20. */
    public static final String BARS_300 = "daily_raw_adj_300_20180102_20221220.csv.gz";
    /** 350 stocks on every board, forward-adjusted as of 2023-03-17. */
    public static final String BARS_QFQ_350 = "daily_qfq_350_20180102_20230317.csv.gz";
    /** 30 stocks, unadjusted with {@code adj_factor_rel}, 2021-01-04 to 2022-12-20: sized for unit tests. */
    public static final String BARS_MINI_30 = "mini_raw_adj_30_20210104_20221220.csv.gz";
    /** 000300.SH, 000001.SH, 399001.SZ, 399006.SZ, 2018-01-02 to 2026-03-18. */
    public static final String INDEX = "index_daily_2018_2026.csv.gz";
    public static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    public static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";
    public static final String NAMECHANGE = "namechange_350.csv.gz";
    public static final String MONEYFLOW_HSGT = "moneyflow_hsgt_20180102_20210719.csv.gz";
    /** SYNTHETIC fina_indicator of the 30 mini stocks, 2017-2022 (tushare-sim's SyntheticFinaIndicator). */
    public static final String SYNTHETIC_FINA_INDICATOR = "synthetic/fina_indicator_30_2017_2022.csv";
    /** The CLI's default: the 30 mini stocks plus 600000.SH, same dates. */
    public static final String COMPACT_BARS = "compact/daily_raw_adj_31_20210104_20221220.csv.gz";
    public static final String COMPACT_STOCK_BASIC = "compact/stock_basic_31.csv.gz";
    /** Synthetic, not Tushare's: the exchange's limit prices of 30 sample stocks, computed from their bars (docs/DATA.md). */
    public static final String SYNTHETIC_STK_LIMIT = "synthetic/stk_limit_30_20210104_20221220.csv.gz";
    /** Synthetic, not Tushare's: the suspended days of the same 30 stocks, derived from their missing bars. */
    public static final String SYNTHETIC_SUSPEND_D = "synthetic/suspend_d_30_20210104_20221220.csv.gz";

    private SampleData() {
    }

    /** The sample folder. */
    public static Path dir() {
        List<Path> tried = new ArrayList<>();
        String given = System.getProperty(DIR_PROPERTY);
        if (given == null || given.isBlank()) {
            given = System.getenv(DIR_ENV);
        }
        if (given != null && !given.isBlank()) {
            Path dir = Path.of(given).toAbsolutePath();
            if (Files.isDirectory(dir)) {
                return dir;
            }
            throw new IllegalStateException("Sample folder " + dir + " (from " + DIR_PROPERTY + " or " + DIR_ENV + ") does not exist");
        }
        String home = System.getProperty("alphaquant.home");
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home).toAbsolutePath().resolve(IN_REPOSITORY);
            if (isSample(dir)) {
                return dir;
            }
            tried.add(dir);
        }
        for (Path start : startingPoints()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(IN_REPOSITORY);
                if (isSample(candidate)) {
                    return candidate;
                }
            }
            tried.add(start);
        }
        throw new IllegalStateException("The real sample (data/sample) was not found from " + tried
                + ": set " + DIR_PROPERTY + " or " + DIR_ENV + " to its folder");
    }

    /** A file of the sample, e.g. {@code SampleData.file(SampleData.BARS_MINI_30)}. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Sample file " + name + " is missing from " + file.getParent());
        }
        return file;
    }

    private static boolean isSample(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    private static List<Path> startingPoints() {
        List<Path> points = new ArrayList<>();
        points.add(Path.of("").toAbsolutePath());
        CodeSource source = SampleData.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            try {
                points.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a plain file location (a nested jar): the other places still apply
            }
        }
        return points;
    }
}
