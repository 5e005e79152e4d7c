package com.alphaquant.data.ingest;

import com.alphaquant.market.csv.TushareCsv;
import com.alphaquant.tusharesim.TushareSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * tushare-sim over the real sample, with a few bad rows planted into the daily file, and the
 * expected counts computed independently from the files.
 */
final class SimFixture implements AutoCloseable {

    static final String TOKEN = "it-token-not-for-logs";

    /** Rows planted into the daily file, by the reason the cleaner must give. */
    static final Map<String, Long> PLANTED = Map.of("ohlc_inconsistent", 3L, "negative_volume", 2L, "suspended", 1L,
            "unit_mismatch", 1L, "duplicate", 2L);

    /** Rows planted into the namechange file, by the reason the cleaner must give; a B share is left out uncounted. */
    static final Map<String, Long> PLANTED_NAMECHANGE = Map.of("bad_date", 2L, "duplicate", 1L);
    /** The real namechange rows, all valid. */
    static final int NAMECHANGE_ROWS = 697;

    /** Rows planted into the industry membership, by the reason the cleaner must give; a B share is left out uncounted. */
    static final Map<String, Long> PLANTED_INDUSTRY = Map.of("bad_date", 2L, "duplicate", 1L);
    /** 600000.SH moves out of 银行 into 全国地产 on this day in the planted membership. */
    static final LocalDate INDUSTRY_MOVE = LocalDate.of(2021, 7, 30);

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    /** What the store must hold after loading everything, computed from the files. */
    record Expected(List<String[]> validDaily, List<String[]> adj, List<String[]> index) {
        long validDailyRows() {
            return validDaily.size();
        }

        long validDailyRows(LocalDate from, LocalDate to) {
            return validDaily.stream().filter(r -> in(r[1], from, to)).count();
        }

        double validDailyCloseSum() {
            return validDaily.stream().mapToDouble(r -> Double.parseDouble(r[5])).sum();
        }

        long adjRows() {
            return adj.size();
        }

        long adjRows(LocalDate from, LocalDate to) {
            return adj.stream().filter(r -> in(r[1], from, to)).count();
        }

        long indexRows(LocalDate from, LocalDate to) {
            return index.stream().filter(r -> in(r[1], from, to)).count();
        }

        private static boolean in(String yyyymmdd, LocalDate from, LocalDate to) {
            LocalDate d = LocalDate.parse(yyyymmdd, YMD);
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    private final TushareSim sim;
    private final Expected expected;

    private SimFixture(TushareSim sim, Expected expected) {
        this.sim = sim;
        this.expected = expected;
    }

    static SimFixture start() {
        try {
            Path dir = Files.createTempDirectory("aq-sim");
            Path original = shared("daily_raw_adj_300_20180102_20221220.csv.gz");
            List<String[]> validDaily = new ArrayList<>();
            Path daily = plantBadRows(original, dir.resolve("daily.csv.gz"), validDaily);
            List<String[]> adj = rows(original);
            List<String[]> index = rows(shared("index_daily_2018_2026.csv.gz"));
            TushareSim sim = TushareSim.builder()
                    .file("daily", daily)
                    .file("adj_factor", original)
                    .file("index_daily", shared("index_daily_2018_2026.csv.gz"))
                    .file("stock_basic", shared("stock_basic_350.csv.gz"))
                    .file("trade_cal", shared("trade_cal_SSE_derived_20160101_20260318.csv.gz"))
                    .file("namechange", plantNameChanges(dir.resolve("namechange.csv")))
                    .file("stk_limit", shared(com.alphaquant.market.csv.SampleData.SYNTHETIC_STK_LIMIT))
                    .file("suspend_d", shared(com.alphaquant.market.csv.SampleData.SYNTHETIC_SUSPEND_D))
                    .file("moneyflow_hsgt", shared(com.alphaquant.market.csv.SampleData.MONEYFLOW_HSGT))
                    .file("fina_indicator", shared(com.alphaquant.market.csv.SampleData.SYNTHETIC_FINA_INDICATOR))
                    .file("index_weight", shared(com.alphaquant.market.synthetic.IndexWeightGenerator.FIXTURE))
                    .file("index_member", plantIndustryMembers(dir.resolve("index_member.csv")))
                    .tokens(TOKEN)
                    .callsPerMinute(60_000)
                    .rowCap(6000)
                    .timeoutDelay(java.time.Duration.ofSeconds(5))
                    .eager(true) // load and index every file now, not on the first (timed) call
                    .seed(42)
                    .start(0);
            return new SimFixture(sim, new Expected(validDaily, adj, index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the daily file, corrupting a few rows of 600000.SH in March 2018 and duplicating
     * two; collects the rows that stay valid.
     */
    private static Path plantBadRows(Path from, Path to, List<String[]> valid) throws IOException {
        List<String> lines = new String(new GZIPInputStream(Files.newInputStream(from)).readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        List<String> out = new ArrayList<>(lines.size() + 2);
        out.add(lines.get(0));
        int planted = 0;
        List<String> duplicates = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            // ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount,adj_factor_rel
            if (c[0].equals("600000.SH") && c[1].startsWith("201803") && planted < 7) {
                switch (planted++) {
                    case 0, 1, 2 -> { String h = c[3]; c[3] = c[4]; c[4] = h; } // high below low
                    case 3, 4 -> c[9] = "-5";                                     // negative volume
                    case 5 -> c[9] = "0";                                         // suspended
                    default -> c[10] = Double.toString(Double.parseDouble(c[10]) * 100); // amount in CNY, not thousands
                }
                out.add(String.join(",", c));
                continue;
            }
            if (c[0].equals("600519.SH") && c[1].startsWith("201804") && duplicates.size() < 2) {
                duplicates.add(line);
            }
            out.add(line);
            valid.add(c);
        }
        out.addAll(duplicates);
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(to)), StandardCharsets.UTF_8)) {
            w.write(String.join("\n", out));
            w.write("\n");
        }
        return to;
    }

    /** The real namechange file plus a name ending before it starts, an impossible date, a duplicate and a B share. */
    private static Path plantNameChanges(Path to) throws IOException {
        List<String> lines = new ArrayList<>(new String(new GZIPInputStream(Files.newInputStream(
                shared(com.alphaquant.market.csv.SampleData.NAMECHANGE))).readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        lines.add("600519.SH,贵州茅台,20300102,20300101");
        lines.add("600000.SH,浦发银行,20191332,");
        lines.add("600150.SH,*ST船舶,20180424,20190328");
        lines.add("200002.SZ,万  科Ｂ,19930528,");
        Files.writeString(to, String.join("\n", lines) + "\n");
        return to;
    }

    /**
     * The membership tushare-sim would derive from stock_basic, but with 600000.SH leaving 银行 for
     * 全国地产 on {@link #INDUSTRY_MOVE}, plus an impossible in_date, an exit before the entry, a
     * duplicate and a B share.
     */
    private static Path plantIndustryMembers(Path to) throws IOException {
        var derived = com.alphaquant.market.IndustryClassification.fromStockBasic(
                com.alphaquant.market.csv.StockBasicCsv.read(shared("stock_basic_350.csv.gz")));
        String move = INDUSTRY_MOVE.format(YMD);
        String estate = derived.of(com.alphaquant.market.TsCode.of("000002.SZ"), INDUSTRY_MOVE).orElseThrow().industryCode();
        List<String> lines = new ArrayList<>(List.of("index_code,index_name,con_code,con_name,in_date,out_date,is_new"));
        for (var m : derived.memberships()) {
            boolean moves = m.tsCode().toString().equals("600000.SH");
            lines.add(String.join(",", m.industryCode(), m.industryName(), m.tsCode().toString(), "", m.inDate().format(YMD),
                    moves ? move : "", moves ? "N" : "Y"));
        }
        lines.add(estate + ",全国地产,600000.SH,浦发银行," + move + ",,Y");
        lines.add(estate + ",全国地产,600036.SH,招商银行,20191332,,Y");
        lines.add(estate + ",全国地产,600519.SH,贵州茅台,20200102,20200102,N");
        lines.add(lines.get(1));
        lines.add(estate + ",全国地产,200002.SZ,万  科Ｂ,19930528,,Y");
        Files.writeString(to, String.join("\n", lines) + "\n");
        return to;
    }

    private static List<String[]> rows(Path file) {
        List<String[]> rows = new ArrayList<>();
        TushareCsv.forEachRow(file, List.of("ts_code", "trade_date"), row -> rows.add(new String[] {row.text("ts_code"), row.text("trade_date")}));
        return rows;
    }

    static Path shared(String name) {
        return com.alphaquant.market.csv.SampleData.file(name);
    }

    Expected expected() {
        return expected;
    }

    String url() {
        return sim.url();
    }

    /** Points data-service at this simulator, with a rate it never reaches. */
    void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("alphaquant.data.tushare.url", sim::url);
        registry.add("alphaquant.data.tushare.token", () -> TOKEN);
        registry.add("alphaquant.data.tushare.calls-per-minute", () -> 60_000);
    }

    long calls(String api) {
        return sim.calls(api);
    }

    long totalCalls() {
        return sim.stats().calls();
    }

    /** Rows dated after {@code day} are not published yet. */
    void publishThrough(LocalDate day) {
        sim.publishThrough(day);
    }

    void faults(String spec) {
        sim.faults(spec);
    }

    /** Every call after the next {@code n} is refused for a bad token. */
    void failAfter(int n) {
        sim.faults("token@" + (n + 1) + "-100000000");
    }

    void clearFaults() {
        sim.faults("none");
    }

    @Override
    public void close() {
        sim.close();
    }
}
