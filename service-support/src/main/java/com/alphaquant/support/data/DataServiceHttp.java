package com.alphaquant.support.data;

import com.alphaquant.support.calls.ServiceCalls;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET requests to data-service's API with a connect and a read timeout: an unreachable service,
 * an error status or an unreadable body fails with the caller's exception (the {@link Failure}),
 * in a message that names the service, the call and why. What every data-service client shares.
 * Requests go out through {@link ServiceCalls}: traced, with the internal token and the request id.
 */
public final class DataServiceHttp {

    /** The exception a client throws when data-service cannot answer. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(String message, Throwable cause);
    }

    /** Reads a streamed body; failures are the reader's to throw. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body);
    }

    private final HttpClient client;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Failure failure;
    private final ServiceCalls calls;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public DataServiceHttp(ServiceCalls calls, String baseUrl, Duration connectTimeout, Duration readTimeout, Failure failure) {
        this(calls, HttpClient.newBuilder().connectTimeout(connectTimeout).build(),
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, connectTimeout, readTimeout, failure);
    }

    private DataServiceHttp(ServiceCalls calls, HttpClient client, String baseUrl, Duration connectTimeout, Duration readTimeout,
                            Failure failure) {
        this.calls = calls;
        this.client = client;
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.failure = failure;
        this.http = calls.client(baseUrl, client, readTimeout);
    }

    /** The same service and connections, another read timeout (the JDK client's bounds the whole exchange, body included). */
    public DataServiceHttp withReadTimeout(Duration timeout) {
        return new DataServiceHttp(calls, client, baseUrl, connectTimeout, timeout, failure);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The JSON array {@code uri} (a template over {@code variables}) answers. */
    public JsonNode getArray(String uri, Object... variables) {
        String call = call(uri);
        byte[] body;
        try {
            body = http.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON).retrieve().body(byte[].class);
        } catch (RestClientResponseException e) {
            String detail = e.getResponseBodyAsString();
            throw failure.of("data-service at " + baseUrl + " answered " + e.getStatusCode().value() + " to " + call
                    + (detail.isBlank() ? "" : ": " + abbreviate(detail)), e);
        } catch (RestClientException e) {
            throw unanswered(call, e);
        }
        try {
            JsonNode tree = json.readTree(body == null ? new byte[0] : body);
            if (tree == null || !tree.isArray()) {
                throw failure.of("data-service at " + baseUrl + " answered " + call + " without a JSON array", null);
            }
            return tree;
        } catch (JacksonException e) {
            throw failure.of("data-service at " + baseUrl + " answered " + call + " with unreadable JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** What {@code reader} makes of the body {@code uri} streams, read as it arrives. */
    public <T> T stream(String uri, BodyReader<T> reader, Object... variables) {
        String call = call(uri);
        try {
            return http.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
                if (response.getStatusCode().isError()) {
                    throw failure.of("data-service at " + baseUrl + " answered " + response.getStatusCode().value() + " to "
                            + call, null);
                }
                return reader.read(response.getBody());
            });
        } catch (RestClientException e) {
            throw unanswered(call, e);
        }
    }

    private RuntimeException unanswered(String call, RestClientException e) {
        if (e instanceof ResourceAccessException access) {
            return failure.of("data-service at " + baseUrl + " is unreachable or did not answer in time (" + call + "): "
                    + why(access), e);
        }
        return failure.of("data-service at " + baseUrl + " failed on " + call + ": " + e.getMessage(), e);
    }

    private static String call(String uri) {
        return "GET " + uri.replaceAll("\\?.*", "");
    }

    /** The JDK client's I/O failures carry no messages: name them. */
    private String why(ResourceAccessException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + connectTimeout;
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + readTimeout;
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
        }
        Throwable root = e.getMostSpecificCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
