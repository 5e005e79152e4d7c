package com.alphaquant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "DATA_SERVICE_URL=http://127.0.0.1:1") // nothing listens on port 1
class GatewayApplicationTest {

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void isHealthyAndServesTheDashboard() throws Exception {
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("AlphaQuant");
    }

    @Test
    void routesApiCallsToTheServices() throws Exception {
        // The data route points at a closed port: the gateway forwarded the call and reports
        // the service as unavailable with a problem body.
        HttpResponse<String> routed = get("/api/data/securities");
        assertThat(routed.statusCode()).isEqualTo(503);
        assertThat(routed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(routed.body()).contains("/api/data/securities");
    }
}
