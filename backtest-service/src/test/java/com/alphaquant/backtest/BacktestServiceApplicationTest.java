package com.alphaquant.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.backtest.data.BundledSampleBarSource;
import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts with its schema on a fresh database and the sample-file bar source; API only (no job polling, no relay). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.backtest.bars=files", "alphaquant.backtest.job-polling=false", "alphaquant.outbox.enabled=false"})
class BacktestServiceApplicationTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_backtest_app");
        registry.add("alphaquant.backtest.sample-dir", () -> Sample.dir().toString());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    BacktestProperties properties;

    @Autowired
    BarSource bars;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsHealthyWithItsSchemaAndTheConfiguredBarSource() throws Exception {
        HttpResponse<String> health = get("/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(properties.bars()).isEqualTo(BacktestProperties.Bars.FILES);
        assertThat(bars).isInstanceOf(BundledSampleBarSource.class);

        HttpResponse<String> missing = get("/api/backtests/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No backtest");
    }
}
