package com.alphaquant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.gateway.auth.ApiKeys;
import com.alphaquant.testsupport.TestRedis;
import com.alphaquant.testsupport.http.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a stand-in service, with its rate limits in a real Redis: who may call,
 * how often, what a slow or stopped service looks like to a caller, and what travels along.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    // Fresh names per run: the rate limiter's buckets live in Redis under the key's name.
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String READ_KEY = "read-" + UUID.randomUUID();
    static final String WRITE_KEY = "write-" + UUID.randomUUID();
    static final String TIGHT_KEY = "tight-" + UUID.randomUUID();
    static final String LEASED_KEY = "leased-" + UUID.randomUUID();
    static final StandInService SERVICE = new StandInService(5_000);
    static final String INTERNAL_TOKEN = "internal-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
        registry.add("DATA_SERVICE_URL", SERVICE::url);
        registry.add("BACKTEST_SERVICE_URL", SERVICE::url);
        registry.add("FACTOR_SERVICE_URL", () -> "http://127.0.0.1:1"); // nothing listens on port 1
        registry.add("MODEL_SERVICE_URL", () -> "http://127.0.0.1:1");
        registry.add("alphaquant.gateway.timeouts.data", () -> "1s");
        registry.add("alphaquant.dashboard.language", () -> "en");
        registry.add("alphaquant.internal-token", () -> INTERNAL_TOKEN);
        registry.add("alphaquant.gateway.cors.allowed-origins[0]", () -> "https://research.example");
        key(registry, 0, "reader-" + RUN, READ_KEY, "read");
        key(registry, 1, "writer-" + RUN, WRITE_KEY, "write");
        key(registry, 2, "tight-" + RUN, TIGHT_KEY, "read");
        registry.add("alphaquant.gateway.api-keys[2].requests-per-second", () -> "1");
        registry.add("alphaquant.gateway.api-keys[2].burst", () -> "3");
        key(registry, 3, "leased-" + RUN, LEASED_KEY, "read");
        registry.add("alphaquant.gateway.api-keys[3].requests-per-second", () -> "20");
        registry.add("alphaquant.gateway.api-keys[3].burst", () -> "40");
    }

    private static void key(DynamicPropertyRegistry registry, int i, String name, String key, String role) {
        registry.add("alphaquant.gateway.api-keys[" + i + "].name", () -> name);
        registry.add("alphaquant.gateway.api-keys[" + i + "].sha256", () -> ApiKeys.sha256(key));
        registry.add("alphaquant.gateway.api-keys[" + i + "].role", () -> role);
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        return send(request(path).header("X-API-Key", key));
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(detailPart);
    }

    @Test
    void theApiNeedsAKeyWhileHealthAndTheDashboardStayOpen() throws Exception {
        assertProblem(send(request("/api/data/securities")), 401, "X-API-Key");
        assertProblem(get("/api/data/securities", "not-a-key"), 401, "not known");
        assertThat(send(request("/actuator/health/readiness")).body()).contains("\"UP\"");
        HttpResponse<String> index = send(request("/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("AlphaQuant");
    }

    @Test
    void theDashboardsDefaultsComeFromTheConfiguration() throws Exception {
        HttpResponse<String> settings = get("/api/dashboard/settings", READ_KEY);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("\"language\":\"en\"").contains("\"colours\":\"red-up\"");
        assertThat(send(request("/api/dashboard/settings")).statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonAtABrowserIsSentToSignIn() throws Exception {
        HttpResponse<String> page = send(request("/api/docs").header("Accept", "text/html,application/xhtml+xml"));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/signin.html?next=%2Fapi%2Fdocs");
    }

    @Test
    void aReadKeyReadsButMayNotWrite() throws Exception {
        HttpResponse<String> read = get("/api/data/securities", READ_KEY);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"path\":\"/api/data/securities\"");

        assertProblem(send(request("/api/backtests").header("X-API-Key", READ_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403, "write role");
        HttpResponse<String> written = send(request("/api/backtests").header("X-API-Key", WRITE_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(written.statusCode()).isEqualTo(202);
    }

    @Test
    void everyProxiedRequestCarriesTheInternalTokenAndNeverTheCallersOwn() throws Exception {
        get("/api/data/token-" + RUN, READ_KEY);
        send(request("/api/data/forged-" + RUN).header("X-API-Key", READ_KEY).header("X-Internal-Token", "forged"));

        assertThat(receivedAt("/api/data/token-" + RUN).internalToken()).isEqualTo(INTERNAL_TOKEN);
        assertThat(receivedAt("/api/data/forged-" + RUN).internalToken()).isEqualTo(INTERNAL_TOKEN);
    }

    @Test
    void requestIdsAndTracesTravelToTheService() throws Exception {
        HttpResponse<String> fresh = get("/api/data/fresh-" + RUN, READ_KEY);
        StandInService.Received first = receivedAt("/api/data/fresh-" + RUN);
        assertThat(first.requestId()).isNotBlank().isEqualTo(fresh.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(first.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        HttpResponse<String> given = send(request("/api/data/given-" + RUN).header("X-API-Key", READ_KEY)
                .header("X-Request-Id", "my-request-1").header("traceparent", traceparent));
        StandInService.Received second = receivedAt("/api/data/given-" + RUN);
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("my-request-1");
        assertThat(second.requestId()).isEqualTo("my-request-1");
        assertThat(second.traceparent()).isEqualTo(traceparent);
    }

    private StandInService.Received receivedAt(String path) throws InterruptedException {
        while (true) {
            StandInService.Received r = SERVICE.received.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("the service received " + path).isNotNull();
            if (r.path().equals(path)) {
                return r;
            }
        }
    }

    @Test
    void signingInGivesAnHttpOnlyStrictCookieThatOpensTheApi() throws Exception {
        assertProblem(send(request("/auth/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"wrong\"}"))), 401, "key");
        HttpResponse<String> signIn = send(request("/auth/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + WRITE_KEY + "\"}")));
        assertThat(signIn.statusCode()).isEqualTo(204);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("AQ_SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(setCookie).doesNotContain(WRITE_KEY);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(send(request("/api/data/securities").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send(request("/auth/session").header("Cookie", cookie)).body()).contains("\"role\":\"write\"");
        String forged = cookie.substring(0, cookie.length() - 3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
        assertProblem(send(request("/api/data/securities").header("Cookie", forged)), 401, "sign in again");

        HttpResponse<String> signOut = send(request("/auth/session").header("Cookie", cookie).DELETE());
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void aKeyOverItsRateLimitGets429WithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            HttpResponse<String> r = get("/api/data/securities", TIGHT_KEY);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(limited).as("statuses " + statuses).isNotNull();
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(3L, 5L); // the burst, plus what refilled meanwhile
        assertProblem(limited, 429, "rate limit of 1 requests/s");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        // Other keys have their own buckets.
        assertThat(get("/api/data/securities", READ_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensLeasedFromRedisNeverLetAKeyBeyondItsBucket() throws Exception {
        // 20 requests/s leases 2 tokens at a time: far fewer Redis round trips, the same limit.
        long start = System.nanoTime();
        int allowed = 0;
        int limited = 0;
        for (int i = 0; i < 150; i++) {
            int status = get("/api/data/securities", LEASED_KEY).statusCode();
            allowed += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(allowed + limited).isEqualTo(150);
        assertThat(allowed).as("allowed in %.2f s", seconds).isBetween(40, 40 + (int) Math.ceil(20 * seconds) + 2);
    }

    @Test
    void aSlowServiceIs504AndAStoppedOne503NamingIt() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> slow = get("/api/data/slow", READ_KEY);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertProblem(slow, 504, "data-service did not answer within its timeout");
        assertThat(seconds).as("answered at the 1 s timeout, not after the service's 5 s").isLessThan(4.5);

        assertProblem(get("/api/models", READ_KEY), 503, "model-service is not reachable");
    }

    @Test
    void aServiceThatKeepsFailingIsCutOffByItsBreaker() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = get("/api/factors/catalog?i=" + i, WRITE_KEY);
            if (last.body().contains("circuit breaker is open")) {
                break;
            }
        }
        assertProblem(last, 503, "factor-service is failing; its circuit breaker is open");
    }

    @Test
    void aRequestTargetThatIsNotAUriGetsAProblemBody() throws Exception {
        for (String target : List.of("/api/data/bars?ts_code=%ZZ", "/api/data/a%2", "/a|b")) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.1", port,
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + READ_KEY + "\r\nConnection: close", null, 10_000);
            assertThat(answer.status()).as(target).isBetween(400, 404);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        }
    }

    @Test
    void requestsRefusedBelowSpringOrByTheFirewallGetProblemBodies() throws Exception {
        Map<String, Integer> heads = Map.of(
                "GET /api/data/securities HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000), 431,
                "GET /api/data/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost", 414,
                "GET /api/data/%252F/x HTTP/1.1\r\nHost: localhost", 400,
                "GET /api/;jsessionid=1/data HTTP/1.1\r\nHost: localhost", 400,
                "FOO /api/data/securities HTTP/1.1\r\nHost: localhost", 400);
        for (var head : heads.entrySet()) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.1", port, head.getKey() + "\r\nX-API-Key: " + READ_KEY + "\r\nConnection: close",
                    null, 10_000);
            String what = head.getKey().substring(0, Math.min(60, head.getKey().length()));
            assertThat(answer.status()).as(what).isEqualTo(head.getValue());
            assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    @Test
    void theDashboardCarriesSecurityHeaders() throws Exception {
        var headers = send(request("/index.html")).headers();
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))).doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void onlyConfiguredOriginsMayCallCrossSite() throws Exception {
        HttpResponse<String> allowed = send(request("/api/data/securities").header("X-API-Key", READ_KEY)
                .header("Origin", "https://research.example"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://research.example");
        HttpResponse<String> refused = send(request("/api/data/securities").header("X-API-Key", READ_KEY)
                .header("Origin", "https://evil.example"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void eachServicesOpenApiDocumentIsServedForTheSwaggerUi() throws Exception {
        HttpResponse<String> doc = get("/api/docs/data-service", READ_KEY);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"path\":\"/v3/api-docs\"");
        assertThat(send(request("/api/docs/gateway/swagger-config").header("X-API-Key", READ_KEY)).body())
                .contains("/api/docs/data-service").contains("/api/docs/backtest-service");
    }
}
