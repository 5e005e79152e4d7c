package com.alphaquant.support.calls;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.MDC;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How a service calls another (data-service, factor-service, model-service): a {@link RestClient}
 * on the JDK client with a connect and a read timeout, observed (so the call is timed as
 * {@code http.client.requests} and carries the current trace as a W3C {@code traceparent}), with
 * the {@link InternalToken} and the request's {@value RequestIdLogging#HEADER} on every request.
 * {@link #none()} is the same client without them, for tests and tools outside a service.
 */
public final class ServiceCalls {

    private static final ServiceCalls NONE = new ServiceCalls(ObservationRegistry.NOOP, InternalToken.none());

    private final ObservationRegistry observations;
    private final ClientHttpRequestInterceptor headers;

    public ServiceCalls(ObservationRegistry observations, InternalToken token) {
        this.observations = observations;
        this.headers = (request, body, execution) -> {
            if (token.configured()) {
                request.getHeaders().set(InternalToken.HEADER, token.value());
            }
            String requestId = MDC.get(RequestIdLogging.MDC_KEY);
            if (requestId != null) {
                request.getHeaders().set(RequestIdLogging.HEADER, requestId);
            }
            return execution.execute(request, body);
        };
    }

    /** No token, no request id, not observed. */
    public static ServiceCalls none() {
        return NONE;
    }

    /** A client of the service at {@code baseUrl}, connecting within {@code connectTimeout}. */
    public RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        return client(baseUrl, HttpClient.newBuilder().connectTimeout(connectTimeout).build(), readTimeout);
    }

    /**
     * A client of the service at {@code baseUrl} over {@code http} (shared by clients that differ
     * only in their read timeout, which bounds the whole exchange, body included).
     */
    public RestClient client(String baseUrl, HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        // Built here rather than from Boot's RestClient.Builder, which needs spring-boot-restclient.
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).requestInterceptor(headers)
                .observationRegistry(observations).build();
    }
}
