package com.alphaquant.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import com.alphaquant.testsupport.http.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

        @org.springframework.web.bind.annotation.PostMapping("/orders")
        String order(@org.springframework.web.bind.annotation.RequestBody Order order) {
            return "ok " + order.shares();
        }

        @GetMapping("/database-down")
        String databaseDown() throws java.sql.SQLException {
            throw new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1500ms",
                    "08001");
        }

        @GetMapping("/schema-gone")
        String schemaGone() throws java.sql.SQLException {
            throw new IllegalStateException("query failed", new java.sql.SQLException("relation \"bars\" does not exist", "42P01"));
        }

        @GetMapping("/day")
        String day(@RequestParam @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                   @TradingDay LocalDate date) {
            return date.toString();
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }
    }

    record Order(String tsCode, int shares) {}

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

    private RawHttp.Answer raw(String head, String body) throws Exception {
        byte[] bytes = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String headers = head + "\r\nHost: localhost\r\nConnection: close"
                + (bytes == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length);
        return RawHttp.send("localhost", port, headers, bytes, 10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts_code=%ZZ&start=2024-01-02", "ts_code=600519.SH&start=%C0%AF", "ts_code=600519.SH&start=2024-01-02&&=",
            "ts_code=600519.SH&start=2024-01-02&%"})
    void aQueryStringTomcatCannotDecodeIsA400NamingTheQuery(String query) throws Exception {
        RawHttp.Answer r = raw("GET /quotes?" + query + " HTTP/1.1", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("\"field\":\"query\"", "malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/quotes%2F..", "/quotes%5Cx", "/quotes%00", "/%2e%2e/%2e%2e/etc/passwd"})
    void aPathTomcatRefusesIsAProblemNotAnHtmlPage(String path) throws Exception {
        RawHttp.Answer r = raw("GET " + path + " HTTP/1.1", null);
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.isProblem()).as(r.body()).isTrue();
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void anOverlongRequestLineOrHeaderIsAProblem() throws Exception {
        RawHttp.Answer line = raw("GET /quotes?ts_code=" + "A".repeat(20_000) + " HTTP/1.1", null);
        assertThat(line.status()).isBetween(400, 499);
        assertThat(line.isProblem()).as(line.body()).isTrue();
        RawHttp.Answer header = raw("GET /quotes HTTP/1.1\r\nX-Pad: " + "B".repeat(20_000), null);
        assertThat(header.status()).isBetween(400, 499);
        assertThat(header.isProblem()).as(header.body()).isTrue();
    }

    @Test
    void traceAndUnknownMethodsAre405Problems() throws Exception {
        for (String method : new String[] {"TRACE", "FOO", "DELETE"}) {
            RawHttp.Answer r = raw(method + " /quotes HTTP/1.1", null);
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.isProblem()).as(method + ": " + r.body()).isTrue();
        }
    }

    @Test
    void aMalformedAcceptOrContentTypeIsA400NamingTheHeader() throws Exception {
        RawHttp.Answer accept = raw("GET /quotes?ts_code=600519.SH&start=2024-01-02 HTTP/1.1\r\nAccept: text/", null);
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.body()).contains("\"field\":\"Accept\"");
        RawHttp.Answer contentType = RawHttp.send("localhost", port,
                "POST /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: text/\r\nContent-Length: 2", "{}".getBytes(), 10_000);
        assertThat(contentType.status()).isEqualTo(400);
        assertThat(contentType.body()).contains("\"field\":\"Content-Type\"");
    }

    @Test
    void problemMediaTypeLabelsErrorsOnly() throws Exception {
        RawHttp.Answer ok = raw("GET /quotes?ts_code=600519.SH&start=2024-01-02 HTTP/1.1\r\nAccept: application/problem+json", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.isProblem()).isFalse();
        RawHttp.Answer error = raw("GET /quotes?ts_code=bad&start=2024-01-02 HTTP/1.1\r\nAccept: application/problem+json", null);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.isProblem()).isTrue();
    }

    @Test
    void aHugeInvalidValueIsQuotedByAShortPrefixOnly() throws Exception {
        String huge = "x".repeat(1_000_000);
        RawHttp.Answer r = raw("POST /orders HTTP/1.1", "{\"tsCode\":\"a\",\"shares\":\"" + huge + "\"}");
        assertThat(r.status()).isIn(400, 413);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.bodyLength()).isLessThan(2_000);
    }

    @Test
    void aFieldNamedByAHugeJsonPathIsCut() {
        // A path through a map the caller filled (weights.<key>) carries the caller's key.
        Problems.FieldError error = new Problems.FieldError("weights." + "k".repeat(100_000), "must be finite");
        assertThat(error.field()).hasSize(Problems.FieldError.FIELD_MAX + 1).endsWith("…");
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
        String big = "{\"tsCode\":\"" + "y".repeat(300 * 1024) + "\",\"shares\":1}";
        RawHttp.Answer declared = raw("POST /orders HTTP/1.1", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();
        assertThat(declared.body()).contains("\"field\":\"body\"", "at most 262144");
        String chunk = Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";
        RawHttp.Answer streamed = RawHttp.send("localhost", port, "POST /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunk.getBytes(), 10_000);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.isProblem()).isTrue();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> down = get("/database-down");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body()).contains("Database unavailable").doesNotContain("Hikari");
        HttpResponse<String> schema = get("/schema-gone");
        assertThat(schema.statusCode()).isEqualTo(503);
        assertThat(schema.body()).contains("Database not ready").doesNotContain("relation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "1970-01-01", "2100-01-01"})
    void datesOutsideTheCalendarAreRefusedAtTheEdge(String date) throws Exception {
        HttpResponse<String> r = get("/day?date=" + java.net.URLEncoder.encode(date, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"date\"", "is outside 1990-12-19");
        assertThat(get("/day?date=1990-12-19").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/nothing-of-that-name", "/actuator/nothing", "/nothing-here"})
    void anUnknownPathIncludingTheActuatorsIsA404Problem(String path) throws Exception {
        RawHttp.Answer r = raw("GET " + path + " HTTP/1.1", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).as(r.body()).isTrue();
    }
}
