package com.alphaquant.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {ProblemResponsesTest.TestApp.class, ProblemResponsesTest.Quotes.class},
        properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class ProblemResponsesTest {

    @SpringBootApplication
    static class TestApp {
    }

    /** A controller as services write them: typed, validated parameters and domain checks. */
    @RestController
    static class Quotes {

        @GetMapping("/quotes")
        String quotes(@RequestParam("ts_code") String tsCode,
                      @RequestParam LocalDate start,
                      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
            if (!tsCode.matches("^\\d{6}\\.(SH|SZ|BJ)$")) {
                throw new BadRequestException("ts_code", "'" + tsCode + "' is not a valid ts_code");
            }
            return "ok";
        }

        @GetMapping("/upstream")
        String upstream() {
            throw new UpstreamUnavailableException("Prices unavailable", "Prices are unavailable right now (data-service); try again shortly.",
                    "connection refused: 127.0.0.1:8081", null);
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDomainRejectionNamesTheFieldAndReason() throws Exception {
        HttpResponse<String> r = get("/quotes?ts_code=600519&start=2024-01-02");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"ts_code\"", "'600519' is not a valid ts_code", "\"status\":400");
    }

    @Test
    void aMalformedDateNamesTheParameter() throws Exception {
        HttpResponse<String> r = get("/quotes?ts_code=600519.SH&start=2024-13-45");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"start\"", "'2024-13-45' is not a valid LocalDate");
    }

    @Test
    void aConstraintViolationNamesTheParameter() throws Exception {
        HttpResponse<String> r = get("/quotes?ts_code=600519.SH&start=2024-01-02&limit=500");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"limit\"", "must be less than or equal to 100");
    }

    @Test
    void aMissingParameterIsAProblemToo() throws Exception {
        HttpResponse<String> r = get("/quotes?start=2024-01-02");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("ts_code");
    }

    @Test
    void unexpectedFailuresHideTheirInternals() throws Exception {
        HttpResponse<String> r = get("/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("An internal error occurred").doesNotContain("secret internals", "IllegalStateException");
    }

    @Test
    void unknownPathsAre404Problems() throws Exception {
        HttpResponse<String> r = get("/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnavailableUpstreamIsA503TheCallerMayRetryNotA500() throws Exception {
        HttpResponse<String> r = get("/upstream");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"title\":\"Prices unavailable\"", "(data-service); try again shortly.")
                .doesNotContain("connection refused");
    }
}
