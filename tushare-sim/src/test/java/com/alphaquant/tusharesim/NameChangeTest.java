package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.SampleData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code namechange} over the bundled real history (data/sample), as Tushare answers it. */
class NameChangeTest {

    static TushareSim sim;
    static SimClient client;

    @BeforeAll
    static void start() {
        sim = TushareSim.builder().callsPerMinute("namechange", 1000).start(); // no dataDir: data/sample
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<String> rows(SimClient.Reply r) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : r.items()) {
            out.add(row.get(0).asString() + " " + row.get(1).asString() + " " + row.get(2).asString() + " "
                    + (row.get(3).isNull() ? "-" : row.get(3).asString()));
        }
        return out;
    }

    @Test
    void servesTheBundledHistoryWithTushareFields() {
        assertThat(sim.dataMapping().get("namechange")).endsWith(SampleData.NAMECHANGE);
        SimClient.Reply r = client.call("namechange", "ts_code", "600150.SH");
        assertThat(r.code()).isZero();
        assertThat(r.fields()).containsExactly("ts_code", "name", "start_date", "end_date", "ann_date", "change_reason");
        assertThat(rows(r)).containsExactly( // newest first, the current name open-ended
                "600150.SH 中国船舶 20190329 -",
                "600150.SH *ST船舶 20180424 20190328",
                "600150.SH 中国船舶 20070801 20180423",
                "600150.SH 沪东重机 20061009 20070731",
                "600150.SH G重机 20051130 20061008",
                "600150.SH 沪东重机 20020412 20051129",
                "600150.SH ST重机 20010411 20020411",
                "600150.SH 沪东重机 19980520 20010410");
        assertThat(r.cell(0, "ann_date").isNull()).isTrue(); // the bundled file has no ann_date
        assertThat(client.all("namechange")).hasSize(697);
    }

    @Test
    void startAndEndDateBoundTheNamesStartDate() {
        SimClient.Reply r = client.call("namechange", "ts_code", "000792.SZ,600150.SH", "start_date", "20180101",
                "end_date", "20191231");
        assertThat(rows(r)).containsExactly("000792.SZ *ST盐湖 20190430 20210809", "600150.SH 中国船舶 20190329 -",
                "600150.SH *ST船舶 20180424 20190328");
        assertThat(client.call("namechange", "start_date", "2019-04-30").code()).isEqualTo(-2001);
    }

    @Test
    void aNameIsWithheldUntilItsStartIsPublished() {
        try (TushareSim later = TushareSim.builder().start()) {
            later.publishThrough(LocalDate.of(2019, 4, 29));
            // The later *ST name is withheld; end dates are served as the file has them.
            assertThat(rows(new SimClient(later).call("namechange", "ts_code", "000792.SZ"))).first()
                    .isEqualTo("000792.SZ 盐湖股份 20110512 20190429");
        }
    }

    @Test
    void hasTheRateLimitsAndFaultsOfEveryApi() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim limited = TushareSim.builder().callsPerMinute("namechange", 2).clock(clock)
                .faults("503@1/namechange").start()) {
            SimClient c = new SimClient(limited);
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                SimClient.Reply r = c.call("namechange");
                outcomes.add(r.status() != 200 ? "http " + r.status() : r.code() + " " + r.msg());
            }
            // The injected 503 takes no place in the window; the third answered call is refused.
            assertThat(outcomes).hasSize(4).startsWith("http 503", "0 ", "0 ");
            assertThat(outcomes.get(3)).startsWith("40203 ").contains("每分钟最多访问该接口2次");
            assertThat(c.call("daily").code()).as("its own window").isZero();
            assertThat(limited.stats().calls("namechange")).isEqualTo(4);
        }
    }
}
