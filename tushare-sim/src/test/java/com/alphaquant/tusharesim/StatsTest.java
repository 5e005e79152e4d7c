package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Every call is counted, per api and in total, in Java and at GET /_sim/stats. */
class StatsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        TinyData.write(dir);
    }

    @Test
    void countsEveryCallWhateverItsOutcome() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim sim = TushareSim.builder().dataDir(dir).rowCap(4).faults("502@4").clock(clock).start()) {
            assertThat(sim.stats().calls()).isZero();
            SimClient client = new SimClient(sim);
            client.call("daily");                       // 4 rows
            client.call("daily", "trade_date", "20230103"); // 3 rows
            client.call("trade_cal", "is_open", "1");   // 4 rows
            client.call("daily");                       // fault 502
            new SimClient(sim).token("bad").call("stock_basic");
            client.call("nope");
            client.post("", "not json");

            SimStats stats = sim.stats();
            assertThat(stats.calls()).isEqualTo(7);
            assertThat(stats.calls("daily")).isEqualTo(3);
            assertThat(stats.calls("trade_cal")).isEqualTo(1);
            assertThat(stats.calls("stock_basic")).isEqualTo(1);
            assertThat(stats.calls("nope")).isEqualTo(1);
            assertThat(stats.calls("(invalid)")).isEqualTo(1);
            assertThat(stats.calls("adj_factor")).isZero();
            assertThat(stats.ok()).isEqualTo(3);
            assertThat(stats.rowsServed()).isEqualTo(11);
            assertThat(stats.errors(40101)).isEqualTo(1);
            assertThat(stats.errors(-1)).isEqualTo(1);
            assertThat(stats.errors(-2001)).isEqualTo(1);
            assertThat(stats.faults("502")).isEqualTo(1);
            assertThat(stats.callsLastMinute()).isEqualTo(7);
            assertThat(stats.faults()).isEqualTo("502@4");

            JsonNode json = client.get("/_sim/stats").json();
            assertThat(json.get("calls").asLong()).isEqualTo(7);
            assertThat(json.get("calls_by_api").get("daily").asLong()).isEqualTo(3);
            assertThat(json.get("errors_by_code").get("40101").asLong()).isEqualTo(1);
            assertThat(json.get("faults_by_kind").get("502").asLong()).isEqualTo(1);
            assertThat(json.get("faults_injected").asLong()).isEqualTo(1);
            assertThat(json.get("rows_served").asLong()).isEqualTo(11);
            assertThat(client.get("/_sim/stats").json().get("calls").asLong()).as("admin calls are not counted").isEqualTo(7);

            clock.advance(Duration.ofSeconds(61));
            assertThat(sim.stats().callsLastMinute()).isZero();
            assertThat(sim.stats().calls()).isEqualTo(7);

            assertThat(client.post("/_sim/reset", "").json().get("reset").asBoolean()).isTrue();
            SimStats after = sim.stats();
            assertThat(after.calls()).isZero();
            assertThat(after.callsByApi()).isEmpty();
            assertThat(after.faults()).as("reset keeps the spec").isEqualTo("502@4");
        }
    }

    @Test
    void adminEndpointsAnswerHealthAndUnknownPaths() {
        try (TushareSim sim = TushareSim.builder().dataDir(dir).start()) {
            SimClient client = new SimClient(sim);
            assertThat(client.get("/_sim/health").json().get("status").asString()).isEqualTo("UP");
            assertThat(client.get("/_sim/nothing").status()).isEqualTo(404);
            assertThat(client.get("/_sim/reset").status()).isEqualTo(405);
        }
    }
}
