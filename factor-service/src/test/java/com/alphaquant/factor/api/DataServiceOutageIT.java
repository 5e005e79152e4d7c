package com.alphaquant.factor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.support.panel.DataServiceStub;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.net.TcpProxy;
import com.alphaquant.testsupport.http.LocalService;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * factor-service losing data-service (its only source of bars) and getting it back. data-service
 * is a real HTTP server speaking its API, reached through a {@link TcpProxy} that the test cuts:
 * factor requests must then answer 503 with a problem body and {@code Retry-After} within 2 s,
 * readiness DOWN and liveness UP; once data-service is back the service answers again by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alphaquant.factor.cache-enabled=false"})
class DataServiceOutageIT {

    static final DataServiceStub DATA_SERVICE = DataServiceStub.start();
    static final TcpProxy PROXY = TcpProxy.toUrl(DATA_SERVICE.url());
    static final String FACTORS = "/api/factors?ts_codes=600519.SH,000001.SZ&start=2022-06-01&end=2022-06-30&names=RET";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_factor");
        registry.add("alphaquant.factor.data-service-url", () -> PROXY.redirect(DATA_SERVICE.url()));
    }

    @AfterAll
    static void stop() {
        PROXY.close();
        DATA_SERVICE.close();
    }

    @Value("${local.server.port}")
    int port;
    LocalService service;

    @BeforeEach
    void connect() {
        service = new LocalService(port);
    }


    @Test
    void anOutageIsA503WithinTwoSecondsAndTheServiceRecoversByItself() throws Exception {
        assertThat(service.get(FACTORS).statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        PROXY.cut();
        try {
            for (String path : new String[] {FACTORS, "/api/factors?ts_codes=all&start=2022-06-01&end=2022-06-10&names=RET",
                    "/api/factors/ic?name=RET&ts_codes=600519.SH,000001.SZ&start=2022-05-01&end=2022-06-30"}) {
                long started = System.nanoTime();
                HttpResponse<String> r = service.get(path);
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("[outage] factor-service GET %s -> %d in %d ms%n", path, r.statusCode(), millis);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(millis).as(path).isLessThan(2_000);
            }
            long started = System.nanoTime();
            int readiness = service.get("/actuator/health/readiness").statusCode();
            long readinessMillis = (System.nanoTime() - started) / 1_000_000;
            int liveness = service.get("/actuator/health/liveness").statusCode();
            System.out.printf("[outage] factor-service readiness -> %d in %d ms; liveness -> %d%n", readiness, readinessMillis,
                    liveness);
            assertThat(readiness).isEqualTo(503);
            assertThat(readinessMillis).isLessThan(2_000);
            assertThat(liveness).isEqualTo(200);
        } finally {
            PROXY.restore();
        }
        long restored = System.nanoTime();
        await("factors answering again").atMost(Duration.ofSeconds(30))
                .until(() -> service.status(FACTORS) == 200);
        await("readiness UP again").atMost(Duration.ofSeconds(30))
                .until(() -> service.status("/actuator/health/readiness") == 200);
        System.out.printf("[outage] factor-service recovered %d ms after data-service came back%n",
                (System.nanoTime() - restored) / 1_000_000);
    }
}
