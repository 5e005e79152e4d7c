package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

/** Every fault kind over HTTP, the deterministic and seeded modes, and the admin endpoint. */
class FaultsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        TinyData.write(dir);
    }

    private static TushareSim sim(String faults) {
        return TushareSim.builder().dataDir(dir).faults(faults).timeoutDelay(Duration.ofMillis(400)).start();
    }

    @Test
    void http429OnTheThirdCall() {
        try (TushareSim sim = sim("429@3")) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").status()).isEqualTo(200);
            assertThat(client.call("trade_cal").status()).isEqualTo(200);
            SimClient.Reply third = client.call("daily");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.body()).contains("429 Too Many Requests");
            assertThat(client.call("daily").code()).isZero();
            assertThat(sim.stats().faults("429")).isEqualTo(1);
        }
    }

    @Test
    void serverErrors() {
        try (TushareSim sim = sim("500@1,502@2,503@3,504@4,every:5xx:5")) {
            SimClient client = new SimClient(sim);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(client.call("daily").status());
            }
            assertThat(statuses.subList(0, 4)).containsExactly(500, 502, 503, 504);
            assertThat(statuses.get(4)).isIn(500, 502, 503);
            assertThat(statuses.get(9)).isIn(500, 502, 503);
            assertThat(statuses.subList(5, 9)).containsOnly(200);
            assertThat(sim.stats().faultsInjected()).isEqualTo(6);
        }
    }

    @Test
    void tushareErrorFaults() {
        try (TushareSim sim = sim("ratelimit@1,permission@2,daylimit@3,token@4")) {
            SimClient client = new SimClient(sim);
            SimClient.Reply rate = client.call("daily");
            assertThat(rate.status()).isEqualTo(200);
            assertThat(rate.code()).isEqualTo(40203);
            assertThat(rate.msg()).isEqualTo("抱歉，您每分钟最多访问该接口200次，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。");
            SimClient.Reply permission = client.call("daily");
            assertThat(permission.code()).isEqualTo(40203);
            assertThat(permission.msg()).contains("权限").doesNotContain("每分钟").doesNotContain("每天");
            SimClient.Reply day = client.call("daily");
            assertThat(day.code()).isEqualTo(40203);
            assertThat(day.msg()).contains("每天最多访问该接口");
            SimClient.Reply token = client.call("daily");
            assertThat(token.code()).isEqualTo(40101);
            assertThat(client.call("daily").code()).isZero();
            assertThat(sim.stats().errorsByCode()).as("injected faults are not counted as errors").isEmpty();
            assertThat(sim.stats().faultsByKind()).containsOnlyKeys("ratelimit", "permission", "daylimit", "token");
        }
    }

    @Test
    void malformedBodyIsTruncatedJson() {
        try (TushareSim sim = sim("malformed@1")) {
            SimClient client = new SimClient(sim);
            SimClient.Reply bad = client.call("daily", "trade_date", "20230103");
            assertThat(bad.status()).isEqualTo(200);
            assertThat(bad.body()).startsWith("{\"request_id\":");
            assertThatThrownBy(bad::json).isInstanceOf(JacksonException.class);
            assertThat(client.call("daily", "trade_date", "20230103").items()).hasSize(3);
            assertThat(sim.stats().ok()).as("a malformed answer is not a success").isEqualTo(1);
            assertThat(sim.stats().rowsServed()).isEqualTo(3);
            assertThat(sim.stats().faults("malformed")).isEqualTo(1);
        }
    }

    @Test
    void timeoutHoldsTheAnswerBeyondTheClientsPatience() {
        try (TushareSim sim = sim("timeout@1")) {
            SimClient impatient = new SimClient(sim).timeout(Duration.ofMillis(150));
            assertThatThrownBy(() -> impatient.call("daily"))
                    .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);
            assertThat(impatient.call("daily").code()).isZero();
            SimClient patient = new SimClient(sim);
            sim.faults("timeout@1");
            long t0 = System.nanoTime();
            SimClient.Reply late = patient.call("daily", "trade_date", "20230103");
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
            assertThat(late.items()).as("held, then answered").hasSize(3);
            assertThat(sim.stats().faults("timeout")).isEqualTo(2);
        }
    }

    @Test
    void closeReleasesHeldCalls() throws Exception {
        TushareSim sim = TushareSim.builder().dataDir(dir).faults("timeout").start(); // 30 s hold on every call
        SimClient client = new SimClient(sim).timeout(Duration.ofSeconds(10));
        Thread caller = new Thread(() -> {
            try {
                client.call("daily");
            } catch (RuntimeException expected) {
                // the connection drops when the server stops
            }
        });
        caller.start();
        Thread.sleep(200);
        long t0 = System.nanoTime();
        sim.close();
        caller.join(5000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void scopedFaultsHitOnlyTheirApi() {
        try (TushareSim sim = sim("503@1/trade_cal")) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").status()).isEqualTo(200);
            assertThat(client.call("trade_cal").status()).isEqualTo(503);
            assertThat(client.call("trade_cal").status()).isEqualTo(200);
        }
    }

    @Test
    void seededProbabilitiesReproduce() {
        List<Integer> first = statuses(11, 60);
        List<Integer> second = statuses(11, 60);
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().filter(s -> s == 429).count()).isBetween(5L, 35L);
    }

    private static List<Integer> statuses(long seed, int calls) {
        try (TushareSim sim = TushareSim.builder().dataDir(dir).faults("429:0.3").seed(seed).start()) {
            SimClient client = new SimClient(sim);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                out.add(client.call("trade_cal").status());
            }
            return out;
        }
    }

    @Test
    void faultsCanBeChangedAtRunTime() {
        try (TushareSim sim = sim("")) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").status()).isEqualTo(200);
            SimClient.Reply set = client.post("/_sim/faults", "429@2");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("faults").asString()).isEqualTo("429@2");
            assertThat(client.get("/_sim/faults").json().get("faults").asString()).isEqualTo("429@2");
            assertThat(client.call("daily").status()).as("numbering restarts with the new spec").isEqualTo(200);
            assertThat(client.call("daily").status()).isEqualTo(429);

            assertThat(client.post("/_sim/faults", "{\"spec\": \"502@1\"}").status()).isEqualTo(200);
            assertThat(client.call("daily").status()).isEqualTo(502);

            SimClient.Reply bad = client.post("/_sim/faults", "teapot@1");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asString()).contains("teapot");
            assertThat(sim.faults()).isEqualTo("502@1");

            assertThat(client.delete("/_sim/faults").json().get("faults").asString()).isEmpty();
            assertThat(client.call("daily").status()).isEqualTo(200);
            assertThatThrownBy(() -> sim.faults("429@x")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
