package com.alphaquant.support.data;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * data-service answers (its liveness probe, within a second): for a service whose work needs its
 * market data, readiness goes DOWN while requests answer 503. Liveness, not readiness, so that
 * data-service's own database outage does not cascade. Each service registers it as a bean
 * (its own property names the URL, and an offline source needs none).
 */
public class DataServiceHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final URI liveness;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public DataServiceHealthIndicator(String dataServiceUrl) {
        super("data-service check failed");
        this.liveness = URI.create(dataServiceUrl.replaceAll("/+$", "") + "/actuator/health/liveness");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(liveness).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding());
        (r.statusCode() == 200 ? builder.up() : builder.down()).withDetail("status", r.statusCode());
    }
}
