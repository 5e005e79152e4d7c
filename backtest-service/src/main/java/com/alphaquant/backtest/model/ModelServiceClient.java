package com.alphaquant.backtest.model;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.data.DataUnavailableException;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.UpstreamUnavailableException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * model-service's registry and predictions ({@code GET /api/models/{id}},
 * {@code POST /api/models/{id}/predict}) at {@code alphaquant.backtest.model-service-url}. Every
 * call has the data-service connect timeout and its own read timeout.
 */
@Component
public class ModelServiceClient {

    private final String baseUrl;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public ModelServiceClient(BacktestProperties properties, ServiceCalls calls) {
        String url = properties.modelServiceUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = calls.client(baseUrl, properties.dataServiceConnectTimeout(), properties.modelServiceReadTimeout());
    }

    /**
     * The registered model's name, or empty when model-service knows no such id.
     *
     * @throws UpstreamUnavailableException when model-service cannot answer (a 503 to the caller)
     */
    public Optional<String> name(UUID id) {
        try {
            String body = http.get().uri("/api/models/{id}", id).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
            JsonNode name = body == null ? null : json.readTree(body).get("name");
            return Optional.of(name == null || !name.isString() ? id.toString() : name.asString());
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw unavailable("answered " + e.getStatusCode().value() + " to GET /api/models/" + id, e);
        } catch (RestClientException | JacksonException e) {
            throw unavailable("could not be asked for model " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model's predicted forward log returns on {@code date} for every stock it predicts that
     * day; empty when model-service has no bars that day (it answers 400 naming {@code date}).
     *
     * @throws DataUnavailableException when model-service is unreachable, the model is gone, or the answer is unusable
     */
    public Map<String, Double> predict(UUID id, LocalDate date) {
        String call = "POST /api/models/" + id + "/predict for " + date;
        JsonNode answer;
        try {
            String body = http.post().uri("/api/models/{id}/predict", id).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).body("{\"date\":\"" + date + "\"}").retrieve().body(String.class);
            answer = body == null ? null : json.readTree(body);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value() && e.getResponseBodyAsString().contains("\"date\"")) {
                return Map.of();
            }
            throw new DataUnavailableException("model-service at " + baseUrl + " answered " + e.getStatusCode().value() + " to " + call
                    + ": " + e.getResponseBodyAsString(), e);
        } catch (JacksonException e) {
            throw new DataUnavailableException("model-service at " + baseUrl + " answered " + call + " with unreadable JSON: "
                    + e.getOriginalMessage(), e);
        } catch (RestClientException e) {
            throw new DataUnavailableException("model-service at " + baseUrl + " is unreachable or did not answer in time (" + call
                    + "): " + e.getMessage(), e);
        }
        if (answer == null || !answer.path("predictions").isArray()) {
            throw new DataUnavailableException("model-service at " + baseUrl + " answered " + call + " without a predictions array");
        }
        Map<String, Double> byCode = new HashMap<>();
        for (JsonNode p : answer.get("predictions")) {
            JsonNode r = p.path("logReturn");
            byCode.put(p.path("tsCode").asString(), r.isNumber() ? r.asDouble() : Double.NaN);
        }
        return byCode;
    }

    /**
     * The predictions of a model for one run, its name read from the registry now.
     *
     * @throws DataUnavailableException when model-service is unreachable or no longer knows the model
     */
    public RemotePredictions predictions(UUID id) {
        String name;
        try {
            name = name(id).orElseThrow(() -> new DataUnavailableException("model-service at " + baseUrl + " has no model " + id
                    + " (any more)"));
        } catch (UpstreamUnavailableException e) {
            throw new DataUnavailableException(e.getMessage(), e);
        }
        return new RemotePredictions(this, id, name);
    }

    private UpstreamUnavailableException unavailable(String what, Exception e) {
        return new UpstreamUnavailableException("Model service unavailable",
                "model-service (" + baseUrl + ") could not check the model; try again shortly.", "model-service at " + baseUrl + " " + what, e);
    }
}
