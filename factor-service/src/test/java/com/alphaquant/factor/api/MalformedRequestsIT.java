package com.alphaquant.factor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.HttpFuzzer;
import com.alphaquant.testsupport.http.HttpFuzzer.Endpoint;
import com.alphaquant.testsupport.http.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * factor-service under 1,200 malformed requests (seeded, {@link HttpFuzzer}) against every route,
 * over the 30-stock sample: no answer is a 5xx, every 4xx carries a problem body, and the
 * service is healthy afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alphaquant.factor.cache-enabled=false", "alphaquant.factor.max-stock-months=1000",
                // Submitted mining jobs stay queued: the fuzzing is about the answers, not the jobs.
                "alphaquant.factor.mining-polling=false"})
class MalformedRequestsIT {

    static final long SEED = 20261204L;

    @DynamicPropertySource
    static void sample(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_factor");
        registry.add("alphaquant.factor.bars-csv", Sample.BARS::toString);
        registry.add("alphaquant.factor.index-csv", Sample.INDEX::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void fuzzedRequestsNeverGetA5xxAndEvery4xxIsAProblem() throws Exception {
        String codes = Sample.CODES.get(0) + "," + Sample.CODES.get(1) + "," + Sample.CODES.get(2);
        String names = FactorRegistry.names().get(0) + "," + FactorRegistry.names().get(5);
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/factors", "ts_codes", codes, "start", "2022-06-01", "end", "2022-06-30", "names", names),
                Endpoint.get("/api/factors", "ts_codes", "all", "start", "2022-06-01", "end", "2022-06-10", "format", "csv"),
                Endpoint.get("/api/factors/catalog"),
                Endpoint.get("/api/factors/correlation", "ts_codes", codes, "start", "2022-06-01", "end", "2022-06-30",
                        "names", names, "method", "spearman"),
                Endpoint.get("/api/factors/ic", "name", FactorRegistry.names().get(0), "ts_codes", codes, "start", "2022-05-01",
                        "end", "2022-06-30", "horizon", "5", "quantiles", "5"),
                Endpoint.post("/api/factors/mine", "{\"method\":\"gp\",\"budget\":5,\"startDate\":\"2021-01-04\","
                        + "\"endDate\":\"2022-12-20\",\"seed\":3,\"poolSize\":2,\"tsCodes\":[\"" + Sample.CODES.get(0) + "\"]}"),
                Endpoint.get("/api/factors/mine", "limit", "5"),
                Endpoint.get("/api/factors/mined"));

        HttpFuzzer.Report report = new HttpFuzzer("localhost", port, SEED).run("factor-service", endpoints, 1200);

        System.out.println(report.summary());
        report.failures().forEach(f -> System.out.println("[fuzz] " + f));
        assertThat(report.serverErrors()).isZero();
        assertThat(report.problemless4xx()).isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(RawHttp.send("localhost", port, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close", null, 5000)
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/factors?ts_codes=%ZZ&start=2022-06-01&end=2022-06-30",
            "/api/factors?ts_codes=600519.SH&start=%C0%AF&end=2022-06-30",
            "/api/factors?ts_codes=600519.SH&start=2022-06-01&end=2022-06-30&&=",
            "/api/factors?ts_codes=600519.SH&start=-999999999-01-01&end=2022-06-30",
            "/api/factors?ts_codes=600519.SH&start=1990-01-01&end=2022-06-30",
            "/api/factors?ts_codes=900901.SH&start=2022-06-01&end=2022-06-30",
            "/api/factors/ic?name=RET&ts_codes=600519.SH&start=2022-06-01&end=%2B999999999-12-31&horizon=5"})
    void eachReproducerIsA400Problem(String target) throws Exception {
        RawHttp.Answer answer = RawHttp.send("localhost", port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close",
                null, 10_000);
        System.out.printf("[reproducer] GET %s -> %d %s%n", target, answer.status(),
                answer.body().length() > 160 ? answer.body().substring(0, 160) + "…" : answer.body());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
    }
}
