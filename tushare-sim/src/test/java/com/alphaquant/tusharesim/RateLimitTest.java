package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls per minute (sliding window, per token and api) and per day, on an injected clock. */
class RateLimitTest {

    static final String PER_MINUTE_5 = "抱歉，您每分钟最多访问该接口5次，权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。";

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        TinyData.write(dir);
    }

    @Test
    void refusesExactlyTheCallAfterTheLimitUntilTheWindowSlides() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(5).clock(clock).start()) {
            SimClient client = new SimClient(sim);
            for (int i = 0; i < 3; i++) {
                assertThat(client.call("daily").code()).isZero();
            }
            clock.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 2; i++) {
                assertThat(client.call("daily").code()).isZero();
            }
            SimClient.Reply refused = client.call("daily");
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).isEqualTo(40203);
            assertThat(refused.msg()).isEqualTo(PER_MINUTE_5);
            assertThat(refused.json().get("data").isNull()).isTrue();

            assertThat(client.call("trade_cal").code()).as("another api has its own window").isZero();

            clock.advance(Duration.ofMillis(29_999)); // 59.999 s after the first three
            assertThat(client.call("daily").code()).isEqualTo(40203);
            clock.advance(Duration.ofMillis(1)); // the first three leave the window
            for (int i = 0; i < 3; i++) {
                assertThat(client.call("daily").code()).isZero();
            }
            assertThat(client.call("daily").code()).as("refused calls took no place").isEqualTo(40203);
            assertThat(sim.stats().errors(40203)).isEqualTo(3);
            assertThat(sim.stats().calls("daily")).isEqualTo(11);
        }
    }

    @Test
    void limitsEachTokenSeparatelyAndHonoursPerApiLimits() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim sim = TushareSim.builder().dataDir(dir).tokens("a", "b").callsPerMinute(3)
                .callsPerMinute("trade_cal", 1).clock(clock).start()) {
            SimClient a = new SimClient(sim).token("a");
            SimClient b = new SimClient(sim).token("b");
            for (int i = 0; i < 3; i++) {
                assertThat(a.call("daily").code()).isZero();
            }
            assertThat(a.call("daily").code()).isEqualTo(40203);
            assertThat(b.call("daily").code()).isZero();
            assertThat(a.call("trade_cal").code()).isZero();
            SimClient.Reply refused = a.call("trade_cal");
            assertThat(refused.code()).isEqualTo(40203);
            assertThat(refused.msg()).contains("每分钟最多访问该接口1次");
        }
    }

    @Test
    void canCountAllApisInOneWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(2).rateLimitAcrossApis().clock(clock).start()) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").code()).isZero();
            assertThat(client.call("trade_cal").code()).isZero();
            assertThat(client.call("stock_basic").code()).isEqualTo(40203);
            assertThat(sim.calls()).isEqualTo(3);
            assertThat(sim.calls("stock_basic")).isEqualTo(1);
            assertThat(sim.calls("adj_factor")).isZero();
        }
    }

    @Test
    void unlimitedWhenZero() {
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(0).start()) {
            SimClient client = new SimClient(sim);
            for (int i = 0; i < 30; i++) {
                assertThat(client.call("trade_cal").code()).isZero();
            }
        }
    }

    @Test
    void perDayLimitResetsOnTheNextShanghaiDay() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T15:00:00Z")); // 23:00 in Shanghai
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(0).callsPerDay(2).clock(clock).start()) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").code()).isZero();
            assertThat(client.call("daily").code()).isZero();
            SimClient.Reply refused = client.call("daily");
            assertThat(refused.code()).isEqualTo(40203);
            assertThat(refused.msg()).contains("每天最多访问该接口2次");
            clock.advance(Duration.ofHours(1)); // midnight in Shanghai
            assertThat(client.call("daily").code()).isZero();
        }
    }

    @Test
    void resetClearsTheWindows() {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T01:00:00Z"));
        try (TushareSim sim = TushareSim.builder().dataDir(dir).callsPerMinute(1).clock(clock).start()) {
            SimClient client = new SimClient(sim);
            assertThat(client.call("daily").code()).isZero();
            assertThat(client.call("daily").code()).isEqualTo(40203);
            sim.reset();
            assertThat(client.call("daily").code()).isZero();
        }
    }
}
