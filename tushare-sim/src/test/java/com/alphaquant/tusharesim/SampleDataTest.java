package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.TushareCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default data (the repository's real sample, data/sample), checked against the files read independently. */
class SampleDataTest {

    static TushareSim sim;
    static SimClient client;
    /** daily file: trade_date → codes; code → (trade_date → adj_factor_rel). */
    static final Map<String, Set<String>> CODES_BY_DATE = new TreeMap<>();
    static final Map<String, TreeMap<String, Double>> REL_BY_CODE = new HashMap<>();
    static final Map<String, String> ROW_000001_20180102 = new HashMap<>();

    @BeforeAll
    static void start() {
        sim = TushareSim.builder().start(); // no dataDir: data/sample
        client = new SimClient(sim);
        TushareCsv.forEachRow(Sample.file(Sample.DAILY), List.of("ts_code", "trade_date", "adj_factor_rel"), row -> {
            String code = row.text("ts_code");
            String date = row.text("trade_date");
            CODES_BY_DATE.computeIfAbsent(date, k -> new HashSet<>()).add(code);
            REL_BY_CODE.computeIfAbsent(code, k -> new TreeMap<>()).put(date, row.number("adj_factor_rel"));
            if (code.equals("000001.SZ") && date.equals("20180102")) {
                for (String f : List.of("open", "high", "low", "close", "pre_close", "change", "pct_chg", "vol", "amount")) {
                    ROW_000001_20180102.put(f, row.text(f));
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void mapsTheSampleFilesByConvention() {
        Map<String, String> mapping = sim.dataMapping();
        assertThat(mapping.get("daily")).endsWith(Sample.DAILY);
        assertThat(mapping.get("adj_factor")).contains(Sample.DAILY).contains("adj_factor_rel");
        assertThat(mapping.get("index_daily")).endsWith(Sample.INDEX_DAILY);
        assertThat(mapping.get("stock_basic")).endsWith(Sample.STOCK_BASIC);
        assertThat(mapping.get("trade_cal")).endsWith(Sample.TRADE_CAL);
        assertThat(mapping.get("index_classify")).contains("stock_basic");
        assertThat(mapping.get("moneyflow_hsgt")).endsWith(SampleData.MONEYFLOW_HSGT);
        // the real sample has no stk_limit, suspend_d, fina_indicator or index_weight: synthetic files stand in
        assertThat(mapping.get("stk_limit")).endsWith(SampleData.SYNTHETIC_STK_LIMIT);
        assertThat(mapping.get("suspend_d")).endsWith(SampleData.SYNTHETIC_SUSPEND_D);
        assertThat(mapping.get("fina_indicator")).endsWith(SampleData.SYNTHETIC_FINA_INDICATOR);
        assertThat(mapping.get("index_weight")).contains("synthetic/index_weight_");
        assertThat(mapping.get("suspend_d")).doesNotContain("no data");
    }

    @Test
    void servesTheSyntheticLimitsAndSuspensionsRowForRow() {
        Map<String, String> upOn20210104 = new TreeMap<>();
        TushareCsv.forEachRow(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT), List.of("trade_date", "ts_code", "up_limit"), row -> {
            if (row.text("trade_date").equals("20210104")) {
                upOn20210104.put(row.text("ts_code"), row.text("up_limit"));
            }
        });
        SimClient.Reply day = client.call("stk_limit", "trade_date", "20210104");
        assertThat(day.items()).hasSize(upOn20210104.size()).hasSizeGreaterThan(20);
        for (int i = 0; i < day.items().size(); i++) {
            String code = day.cell(i, "ts_code").asString();
            assertThat(day.cell(i, "up_limit").asDouble()).as(code).isEqualTo(Double.parseDouble(upOn20210104.get(code)));
        }
        SimClient.Reply salt = client.call("suspend_d", "ts_code", "000792.SZ", "start_date", "20210101", "end_date", "20211231");
        assertThat(salt.items()).hasSize(146);
        assertThat(salt.cell(0, "trade_date").asString()).isEqualTo("20210809"); // newest first: the last day before relisting
        assertThat(salt.cell(0, "suspend_type").asString()).isEqualTo("S");
    }

    @Test
    void wholeMarketByTradeDateReturnsExactlyTheFilesRows() {
        List<String> dates = new ArrayList<>(CODES_BY_DATE.keySet());
        List<String> probe = List.of(dates.get(0), dates.get(1), dates.get(dates.size() / 3), dates.get(dates.size() / 2),
                dates.get(dates.size() - 1));
        for (String date : probe) {
            SimClient.Reply r = client.call("daily", "trade_date", date);
            assertThat(r.code()).isZero();
            assertThat(r.hasMore()).isFalse();
            Set<String> codes = new HashSet<>();
            r.items().forEach(row -> codes.add(row.get(0).asString()));
            assertThat(r.items()).as(date).hasSize(CODES_BY_DATE.get(date).size());
            assertThat(codes).isEqualTo(CODES_BY_DATE.get(date));
        }
        assertThat(client.call("daily", "trade_date", "20180101").items()).isEmpty(); // a holiday
    }

    @Test
    void oneStockOverARangeReturnsExactlyTheFilesRows() {
        for (String code : List.of("000001.SZ", "600519.SH", "300750.SZ")) {
            long expected = REL_BY_CODE.get(code).subMap("20190101", true, "20211231", true).size();
            SimClient.Reply r = client.call("daily", "ts_code", code, "start_date", "20190101", "end_date", "20211231");
            assertThat(r.items()).as(code).hasSize((int) expected);
            assertThat(r.hasMore()).isFalse();
            assertThat(r.items().get(0).get(1).asString()).as("newest first").isEqualTo(
                    REL_BY_CODE.get(code).subMap("20190101", true, "20211231", true).lastKey());
        }
        int both = REL_BY_CODE.get("000001.SZ").subMap("20200101", true, "20201231", true).size()
                + REL_BY_CODE.get("600519.SH").subMap("20200101", true, "20201231", true).size();
        assertThat(client.call("daily", "ts_code", "000001.SZ,600519.SH", "start_date", "20200101", "end_date", "20201231")
                .items()).hasSize(both);
    }

    @Test
    void valuesAreTheFilesValues() {
        SimClient.Reply r = client.call("daily", "ts_code", "000001.SZ", "trade_date", "20180102");
        assertThat(r.items()).hasSize(1);
        ROW_000001_20180102.forEach((field, text) ->
                assertThat(r.cell(0, field).asDouble()).as(field).isEqualTo(Double.parseDouble(text)));
        assertThat(r.cell(0, "close").asDouble()).isEqualTo(13.7);
    }

    @Test
    void wholeMarketRangePagesPastTheRowCap() {
        int expected = CODES_BY_DATE.entrySet().stream().filter(e -> e.getKey().compareTo("20180102") >= 0
                && e.getKey().compareTo("20180331") <= 0).mapToInt(e -> e.getValue().size()).sum();
        assertThat(expected).isGreaterThan(2 * TushareSim.DEFAULT_ROW_CAP);
        SimClient.Reply first = client.call("daily", "start_date", "20180102", "end_date", "20180331");
        assertThat(first.items()).hasSize(TushareSim.DEFAULT_ROW_CAP);
        assertThat(first.hasMore()).isTrue();
        List<JsonNode> all = client.all("daily", "start_date", "20180102", "end_date", "20180331");
        assertThat(all).hasSize(expected);
        Set<String> keys = new HashSet<>();
        all.forEach(row -> keys.add(row.get(0).asString() + row.get(1).asString()));
        assertThat(keys).hasSize(expected);
    }

    @Test
    void adjFactorKeepsTheFilesRatios() {
        TreeMap<String, Double> rel = REL_BY_CODE.get("000001.SZ");
        List<JsonNode> rows = client.all("adj_factor", "ts_code", "000001.SZ");
        assertThat(rows).hasSize(rel.size());
        double latest = rows.get(0).get(2).asDouble();
        double min = Double.MAX_VALUE;
        for (JsonNode row : rows) {
            double adj = row.get(2).asDouble();
            min = Math.min(min, adj);
            double expectedRatio = rel.get(row.get(1).asString()) / rel.lastEntry().getValue();
            assertThat(adj / latest).isCloseTo(expectedRatio, within(2e-6));
        }
        assertThat(min).isEqualTo(1.0);
        assertThat(client.call("adj_factor", "trade_date", "20221220").items()).hasSize(CODES_BY_DATE.get("20221220").size());
    }

    @Test
    void servesIndexDailyStockBasicTradeCalAndIndustries() {
        List<JsonNode> csi300 = client.all("index_daily", "ts_code", "000300.SH");
        assertThat(csi300).hasSize(1988);
        assertThat(client.call("index_daily", "ts_code", "000300.SH").fields().subList(0, 4))
                .containsExactly("ts_code", "trade_date", "close", "open");

        SimClient.Reply basic = client.call("stock_basic");
        assertThat(basic.items()).hasSize(350);
        assertThat(client.call("stock_basic", "exchange", "BSE").items()).hasSize(20);
        assertThat(client.call("stock_basic", "market", "科创板").items()).hasSize(28);

        int[] open2018 = {0};
        int[] days2018 = {0};
        TushareCsv.forEachRow(Sample.file(Sample.TRADE_CAL), List.of("cal_date", "is_open"), row -> {
            if (row.text("cal_date").startsWith("2018")) {
                days2018[0]++;
                open2018[0] += row.text("is_open").equals("1") ? 1 : 0;
            }
        });
        assertThat(client.call("trade_cal", "start_date", "20180101", "end_date", "20181231").items()).hasSize(days2018[0]);
        assertThat(client.call("trade_cal", "start_date", "20180101", "end_date", "20181231", "is_open", "1").items())
                .hasSize(open2018[0]).hasSize(243);

        Set<String> industries = new TreeSet<>();
        int[] withIndustry = {0};
        TushareCsv.forEachRow(Sample.file(Sample.STOCK_BASIC), List.of("industry"), row -> {
            if (!row.text("industry").isEmpty()) {
                industries.add(row.text("industry"));
                withIndustry[0]++;
            }
        });
        assertThat(client.call("index_classify").items()).hasSize(industries.size());
        assertThat(client.all("index_member")).hasSize(withIndustry[0]);
        SimClient.Reply bank = client.call("index_member", "ts_code", "000001.SZ");
        assertThat(bank.cell(0, "index_name").asString()).isEqualTo("银行");
    }

    @Test
    void answersInMilliseconds() {
        for (int i = 0; i < 5; i++) { // warm up
            client.call("daily", "trade_date", "20200102");
            client.call("daily", "ts_code", "600519.SH", "start_date", "20180101", "end_date", "20221231");
        }
        long[] byDate = new long[15];
        long[] byCode = new long[15];
        for (int i = 0; i < byDate.length; i++) {
            long t0 = System.nanoTime();
            client.call("daily", "trade_date", "20200102");
            long t1 = System.nanoTime();
            client.call("daily", "ts_code", "600519.SH", "start_date", "20180101", "end_date", "20221231");
            byDate[i] = t1 - t0;
            byCode[i] = System.nanoTime() - t1;
        }
        Arrays.sort(byDate);
        Arrays.sort(byCode);
        // medians, HTTP round trip included; generous for a busy CI machine
        assertThat(byDate[byDate.length / 2] / 1_000_000).isLessThan(100);
        assertThat(byCode[byCode.length / 2] / 1_000_000).isLessThan(150);
    }
}
