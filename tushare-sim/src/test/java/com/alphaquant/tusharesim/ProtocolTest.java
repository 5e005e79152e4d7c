package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The protocol over tiny files: shape, order, paging, fields, params, tokens, errors. */
class ProtocolTest {

    @TempDir
    static Path dir;

    static TushareSim sim;
    static SimClient client;

    @BeforeAll
    static void start() throws IOException {
        TinyData.write(dir);
        sim = TushareSim.builder().dataDir(dir).rowCap(4).rowCap("stock_basic", 100).start();
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void answersInTushareShape() {
        SimClient.Reply r = client.call("daily", "trade_date", "20230103");
        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("request_id").asString()).isNotBlank();
        assertThat(json.get("code").asInt()).isZero();
        assertThat(json.get("msg").asString()).isEmpty();
        assertThat(r.fields()).containsExactly("ts_code", "trade_date", "open", "high", "low", "close", "pre_close", "change",
                "pct_chg", "vol", "amount");
        assertThat(r.items()).hasSize(3);
        assertThat(r.hasMore()).isFalse();
        JsonNode first = r.items().get(0);
        assertThat(first.get(0).isString()).isTrue();
        assertThat(first.get(1).asString()).isEqualTo("20230103");
        assertThat(first.get(2).isNumber()).isTrue();
    }

    @Test
    void ordersNewestFirstThenByCode() {
        List<String> keys = new ArrayList<>();
        client.all("daily").forEach(row -> keys.add(row.get(1).asString() + " " + row.get(0).asString()));
        assertThat(keys).hasSize(TinyData.DAILY_ROWS);
        assertThat(keys.subList(0, 3)).containsExactly("20230109 000001.SZ", "20230109 300750.SZ", "20230109 600000.SH");
        assertThat(keys.get(keys.size() - 1)).isEqualTo("20230103 600000.SH");
        assertThat(keys).contains("20230104 000001.SZ"); // an ISO date in the file, yyyyMMdd on the wire
    }

    @Test
    void selectsByCodeListAndDateRange() {
        SimClient.Reply r = client.call("daily", "ts_code", "000001.SZ,300750.SZ", "start_date", "20230104", "end_date", "20230106");
        List<String> keys = new ArrayList<>();
        r.items().forEach(row -> keys.add(row.get(1).asString() + " " + row.get(0).asString()));
        // 5 rows, capped at 4
        assertThat(keys).containsExactly("20230106 000001.SZ", "20230106 300750.SZ", "20230105 000001.SZ", "20230104 000001.SZ");
        assertThat(r.hasMore()).isTrue();
        SimClient.Reply rest = client.call("daily", "ts_code", "000001.SZ,300750.SZ", "start_date", "20230104",
                "end_date", "20230106", "offset", 4);
        assertThat(rest.items()).hasSize(1);
        assertThat(rest.items().get(0).get(0).asString()).isEqualTo("300750.SZ");
        assertThat(rest.hasMore()).isFalse();

        assertThat(client.call("daily", "ts_code", "300750.SZ", "trade_date", "20230105").items()).isEmpty(); // suspended
        assertThat(client.call("daily", "ts_code", "000002.SZ").items()).isEmpty();
        assertThat(client.call("daily", "start_date", "20230109").items()).hasSize(3);
        assertThat(client.call("daily", "end_date", "20230103").items()).hasSize(3);
        assertThat(client.call("daily", "start_date", "20230109", "end_date", "20230103").items()).isEmpty();
        assertThat(client.call("daily", "trade_date", 20230105).items()).hasSize(2); // a number works like Tushare's strings
    }

    @Test
    void pagesWithOffsetAndLimitUnderTheRowCap() {
        SimClient.Reply capped = client.call("daily");
        assertThat(capped.items()).hasSize(4);
        assertThat(capped.hasMore()).isTrue();

        SimClient.Reply limited = client.call("daily", "limit", 2);
        assertThat(limited.items()).hasSize(2);
        assertThat(limited.hasMore()).isTrue();

        assertThat(client.call("daily", "limit", 100).items()).hasSize(4); // the cap wins
        SimClient.Reply last = client.call("daily", "offset", 13, "limit", 5);
        assertThat(last.items()).hasSize(1);
        assertThat(last.hasMore()).isFalse();
        SimClient.Reply beyond = client.call("daily", "offset", 100);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.hasMore()).isFalse();

        Set<String> seen = new HashSet<>();
        for (JsonNode row : client.all("daily")) {
            assertThat(seen.add(row.get(0).asString() + row.get(1).asString())).isTrue();
        }
        assertThat(seen).hasSize(TinyData.DAILY_ROWS);
        assertThat(client.call("stock_basic").items()).hasSize(4); // per-api cap 100
    }

    @Test
    void selectsFieldsInTheOrderAsked() {
        SimClient.Reply r = client.callFields("daily", "close,trade_date", "ts_code", "600000.SH", "trade_date", "20230104");
        assertThat(r.fields()).containsExactly("close", "trade_date");
        assertThat(r.items().get(0).get(0).asDouble()).isEqualTo(7.25);
        assertThat(r.items().get(0).get(1).asString()).isEqualTo("20230104");

        SimClient.Reply asArray = client.callFields("daily", List.of("ts_code", "vol", "ts_code"), "trade_date", "20230103");
        assertThat(asArray.fields()).containsExactly("ts_code", "vol");

        SimClient.Reply unknown = client.callFields("daily", "ts_code,volume", "trade_date", "20230103");
        assertThat(unknown.code()).isEqualTo(-2001);
        assertThat(unknown.msg()).contains("volume").contains("daily");
    }

    @Test
    void answersNullForFieldsTheFileLacksAndEmptyForApisWithoutData() {
        SimClient.Reply basic = client.callFields("stock_basic", "ts_code,fullname,list_status,exchange", "ts_code", "000001.SZ");
        assertThat(basic.items()).hasSize(1);
        assertThat(basic.cell(0, "fullname").isNull()).isTrue();
        assertThat(basic.cell(0, "list_status").asString()).isEqualTo("L");
        assertThat(basic.cell(0, "exchange").asString()).isEqualTo("SZSE");

        for (String api : List.of("fina_indicator", "moneyflow_hsgt", "stk_limit", "suspend_d", "index_daily")) {
            SimClient.Reply r = client.call(api);
            assertThat(r.code()).as(api).isZero();
            assertThat(r.fields()).as(api).isNotEmpty();
            assertThat(r.items()).as(api).isEmpty();
            assertThat(r.hasMore()).isFalse();
        }
        assertThat(client.call("moneyflow_hsgt").fields()).contains("trade_date", "north_money", "south_money");
        assertThat(client.call("stk_limit").fields()).contains("ts_code", "up_limit", "down_limit");
        assertThat(client.call("suspend_d").fields()).contains("ts_code", "trade_date", "suspend_type");
        assertThat(client.call("fina_indicator").fields()).contains("ts_code", "ann_date", "end_date", "roe");
    }

    @Test
    void servesStockBasicTradeCalAndTheDerivedApis() {
        assertThat(client.call("stock_basic").items()).hasSize(4);
        assertThat(client.call("stock_basic", "list_status", "D").items()).isEmpty();
        assertThat(client.call("stock_basic", "exchange", "SSE").items()).hasSize(1);

        SimClient.Reply cal = client.call("trade_cal", "exchange", "SSE", "start_date", "20230101", "end_date", "20230110");
        assertThat(cal.fields()).containsExactly("exchange", "cal_date", "is_open", "pretrade_date");
        assertThat(cal.cell(0, "cal_date").asString()).isEqualTo("20230110");
        assertThat(cal.cell(0, "is_open").isIntegralNumber()).isTrue();
        assertThat(client.all("trade_cal", "exchange", "SSE", "start_date", "20230101", "end_date", "20230110")).hasSize(10);
        assertThat(client.all("trade_cal", "is_open", "1")).hasSize(6);
        assertThat(client.call("trade_cal", "is_open", 0, "start_date", "20230107").items()).hasSize(2);
        assertThat(client.call("trade_cal", "exchange", "SZSE").items()).isEmpty();

        SimClient.Reply classify = client.call("index_classify", "src", "SW2021");
        assertThat(classify.items()).hasSize(2); // 电气设备, 银行 (the BSE stock has no industry)
        assertThat(classify.cell(0, "level").asString()).isEqualTo("L1");
        String bank = null;
        for (int i = 0; i < classify.items().size(); i++) {
            if (classify.cell(i, "industry_name").asString().equals("银行")) {
                bank = classify.cell(i, "index_code").asString();
            }
        }
        SimClient.Reply members = client.call("index_member", "index_code", bank);
        List<String> codes = new ArrayList<>();
        members.items().forEach(row -> codes.add(row.get(members.fields().indexOf("con_code")).asString()));
        assertThat(codes).containsExactly("000001.SZ", "600000.SH");
        SimClient.Reply one = client.call("index_member", "ts_code", "300750.SZ");
        assertThat(one.items()).hasSize(1);
        assertThat(one.cell(0, "index_name").asString()).isEqualTo("电气设备");
        assertThat(one.cell(0, "in_date").asString()).isEqualTo("20180611");
        assertThat(one.cell(0, "is_new").asString()).isEqualTo("Y");
    }

    @Test
    void namesTheBadParam() {
        assertBadParam(client.call("daily", "trade_date", "2023-01-03"), "trade_date");
        assertBadParam(client.call("daily", "start_date", "20231301"), "start_date");
        assertBadParam(client.call("daily", "ts_code", "000001"), "ts_code");
        assertBadParam(client.call("daily", "offset", -1), "offset");
        assertBadParam(client.call("daily", "limit", "ten"), "limit");
        assertBadParam(client.call("daily", "start", "20230101"), "start");
        assertBadParam(client.call("trade_cal", "is_open", "2"), "is_open");
        assertBadParam(client.call("stock_basic", "list_status", "X"), "list_status");
        assertThat(client.call("daily", "trade_date", "").items()).hasSize(4); // '' is "not given", as in Tushare's SDK
    }

    @Test
    void ignoresUnknownParamsWhenNotStrict() throws IOException {
        try (TushareSim lenient = TushareSim.builder().dataDir(dir).strictParams(false).start()) {
            SimClient.Reply r = new SimClient(lenient).call("daily", "trade_date", "20230103", "adj", "qfq");
            assertThat(r.code()).isZero();
            assertThat(r.items()).hasSize(3);
        }
    }

    @Test
    void rejectsBadTokens() {
        SimClient.Reply wrong = new SimClient(sim).token("not-mine").call("daily");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.code()).isEqualTo(40101);
        assertThat(wrong.msg()).isEqualTo("您的token不对，请确认。");
        assertThat(wrong.json().get("data").isNull()).isTrue();
        assertThat(new SimClient(sim).token("").call("daily").code()).isEqualTo(40101);
        assertThat(new SimClient(sim).token(null).call("daily").code()).isEqualTo(40101);
    }

    @Test
    void acceptsConfiguredOrAnyTokens() {
        try (TushareSim custom = TushareSim.builder().dataDir(dir).tokens("a", "b").start();
             TushareSim any = TushareSim.builder().dataDir(dir).anyToken().start()) {
            assertThat(new SimClient(custom).token("b").call("trade_cal").code()).isZero();
            assertThat(new SimClient(custom).token(TushareSim.DEFAULT_TOKEN).call("trade_cal").code()).isEqualTo(40101);
            assertThat(new SimClient(any).token("whatever").call("trade_cal").code()).isZero();
            assertThat(new SimClient(any).token(" ").call("trade_cal").code()).isEqualTo(40101);
        }
    }

    @Test
    void reportsUnknownApisAndBadRequests() {
        SimClient.Reply unknown = client.call("daily_basic");
        assertThat(unknown.code()).isEqualTo(-1);
        assertThat(unknown.msg()).contains("请指定正确的接口名").contains("daily_basic");

        SimClient.Reply notJson = client.post("", "{\"api_name\": \"daily\", \"token\": ");
        assertThat(notJson.status()).isEqualTo(200);
        assertThat(notJson.code()).isEqualTo(-2001);
        assertThat(notJson.msg()).contains("JSON");

        assertThat(client.post("", "[1,2]").msg()).contains("JSON object");
        assertThat(client.post("", "{\"api_name\":\"daily\",\"token\":\"sim-token\",\"params\":[1]}").msg()).contains("params");
        assertThat(client.post("", "{\"token\":\"sim-token\"}").msg()).contains("api_name");
        assertThat(client.get("").status()).isEqualTo(405);
    }

    @Test
    void deniedApisAnswerNoPermission() {
        try (TushareSim denying = TushareSim.builder().dataDir(dir).deny("fina_indicator").start()) {
            SimClient.Reply r = new SimClient(denying).call("fina_indicator", "ts_code", "000001.SZ");
            assertThat(r.code()).isEqualTo(40203);
            assertThat(r.msg()).contains("没有访问该接口的权限").doesNotContain("每分钟");
            assertThat(new SimClient(denying).call("daily").code()).isZero();
        }
    }

    @Test
    void derivesAdjFactorFromTheRelativeFactor() {
        SimClient.Reply r = client.call("adj_factor", "ts_code", "000001.SZ");
        assertThat(r.fields()).containsExactly("ts_code", "trade_date", "adj_factor");
        List<Double> factors = new ArrayList<>();
        client.all("adj_factor", "ts_code", "000001.SZ").forEach(row -> factors.add(row.get(2).asDouble()));
        assertThat(factors).containsExactly(2.0, 2.0, 1.0, 1.0, 1.0); // rel / min(rel), newest first
        assertThat(client.call("adj_factor", "trade_date", "20230109").items()).hasSize(3);
        assertThat(sim.dataMapping().get("adj_factor")).contains("daily.csv").contains("adj_factor_rel");
    }

    @Test
    void mapsFilesByConventionOrExplicitly() throws IOException {
        assertThat(sim.dataMapping()).containsEntry("daily", dir.resolve("daily.csv").toString())
                .containsEntry("trade_cal", dir.resolve("trade_cal_SSE_202301.csv").toString())
                .containsEntry("index_member", "derived from stock_basic.industry")
                .containsEntry("stk_limit", "(no data: empty items)");

        Path other = Files.createTempDirectory(dir, "explicit");
        Path limits = other.resolve("limits.csv");
        Files.writeString(limits, "trade_date,ts_code,up_limit,down_limit\n20230103,000001.SZ,14.48,11.84\n");
        try (TushareSim explicit = TushareSim.builder().file("stk_limit", limits).start()) {
            SimClient.Reply r = new SimClient(explicit).call("stk_limit", "ts_code", "000001.SZ");
            assertThat(r.fields()).containsExactly("trade_date", "ts_code", "pre_close", "up_limit", "down_limit");
            assertThat(r.cell(0, "up_limit").asDouble()).isEqualTo(14.48);
            assertThat(r.cell(0, "pre_close").isNull()).isTrue();
            assertThat(new SimClient(explicit).call("daily").items()).isEmpty(); // only what was mapped
        }

        assertThatThrownBy(() -> TushareSim.builder().file("daily_basic", limits).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daily_basic");
        Path noCode = other.resolve("bad.csv");
        Files.writeString(noCode, "trade_date,close\n20230103,1\n");
        assertThatThrownBy(() -> TushareSim.builder().file("daily", noCode).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ts_code");
        Files.writeString(other.resolve("daily_a.csv"), "ts_code,trade_date\n");
        Files.writeString(other.resolve("daily_b.csv"), "ts_code,trade_date\n");
        Files.writeString(other.resolve("daily_qfq.csv"), "ts_code,trade_date\n");
        assertThatThrownBy(() -> TushareSim.builder().dataDir(other).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daily_a.csv").hasMessageContaining("daily_b.csv")
                .hasMessageNotContaining("daily_qfq");
    }

    @Test
    void reportsABadRowAsADataErrorNamingTheFile() throws IOException {
        Path bad = Files.createTempDirectory(dir, "bad").resolve("daily.csv");
        Files.writeString(bad, "ts_code,trade_date,close\n000001.SZ,20230103,abc\n");
        try (TushareSim broken = TushareSim.builder().file("daily", bad).start()) {
            SimClient.Reply r = new SimClient(broken).call("daily");
            assertThat(r.code()).isEqualTo(-3001);
            assertThat(r.msg()).contains("daily.csv").contains("abc");
        }
        assertThatThrownBy(() -> TushareSim.builder().file("daily", bad).eager(true).start())
                .hasMessageContaining("abc");
    }

    private static void assertBadParam(SimClient.Reply r, String param) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).as(r.body()).isEqualTo(-2001);
        assertThat(r.msg()).contains("参数错误").contains("'" + param + "'");
    }
}
