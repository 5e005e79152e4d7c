package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.synthetic.IndexWeightGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code index_weight} over the synthetic CSI 300 fixture (data/sample/synthetic), as Tushare answers it. */
class IndexWeightTest {

    static TushareSim sim;
    static SimClient client;
    static List<IndexWeight> fixture;

    @BeforeAll
    static void start() {
        sim = TushareSim.builder().callsPerMinute("index_weight", 1000).start(); // no dataDir: data/sample
        client = new SimClient(sim);
        fixture = IndexWeightCsv.read(SampleData.file(IndexWeightGenerator.FIXTURE));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<String> rows(SimClient.Reply r) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : r.items()) {
            out.add(row.get(0).asString() + " " + row.get(1).asString() + " " + row.get(2).asString() + " "
                    + row.get(3).asDouble());
        }
        return out;
    }

    @Test
    void servesTheSyntheticFixtureFromTheSamplesSyntheticFolder() {
        assertThat(sim.dataMapping().get("index_weight")).endsWith(IndexWeightGenerator.FIXTURE);
        SimClient.Reply r = client.call("index_weight", "index_code", "000300.SH", "trade_date", "20221230");
        assertThat(r.code()).isZero();
        assertThat(r.fields()).containsExactly("index_code", "con_code", "trade_date", "weight");
        List<String> expected = fixture.stream().filter(w -> w.tradeDate().equals(LocalDate.of(2022, 12, 30)))
                .sorted((a, b) -> a.conCode().toString().compareTo(b.conCode().toString()))
                .map(w -> "000300.SH " + w.conCode() + " 20221230 " + w.weight()).toList();
        assertThat(expected).hasSize(300);
        assertThat(rows(r)).containsExactlyElementsOf(expected); // one date: by code
    }

    @Test
    void startAndEndDateBoundTheTradeDateNewestFirst() {
        SimClient.Reply r = client.call("index_weight", "index_code", "000300.SH", "start_date", "20220101",
                "end_date", "20220331");
        List<String> dates = rows(r).stream().map(s -> s.split(" ")[2]).distinct().toList();
        assertThat(dates).containsExactly("20220331", "20220228", "20220128");
        assertThat(r.items()).hasSize(900);
        assertThat(client.call("index_weight", "index_code", "399001.SZ").items()).isEmpty();
        assertThat(client.all("index_weight")).hasSize(fixture.size());
    }

    @Test
    void badParamsAreNamed() {
        SimClient.Reply r = client.call("index_weight", "start_date", "2022-01-01");
        assertThat(r.code()).isEqualTo(-2001);
        assertThat(r.msg()).contains("start_date");
        assertThat(client.call("index_weight", "ts_code", "600000.SH").code()).isEqualTo(-2001);
    }

    @Test
    void aRealFileInTheDataFolderWinsOverTheSyntheticOne() throws Exception {
        Path dir = Files.createTempDirectory("iw");
        Files.createDirectories(dir.resolve("synthetic"));
        Files.writeString(dir.resolve("synthetic/index_weight_x.csv"),
                "index_code,con_code,trade_date,weight\n000300.SH,600000.SH,20200102,1.5\n");
        Files.writeString(dir.resolve("index_weight.csv"),
                "index_code,con_code,trade_date,weight\n000905.SH,600010.SH,20200103,0.5\n");
        try (TushareSim own = TushareSim.builder().dataDir(dir).start()) {
            assertThat(rows(new SimClient(own).call("index_weight"))).containsExactly("000905.SH 600010.SH 20200103 0.5");
        }
    }
}
