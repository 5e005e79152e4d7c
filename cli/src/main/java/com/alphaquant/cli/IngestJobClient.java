package com.alphaquant.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's ingestion API as the CLI uses it: submit a job, follow its progress with a bar,
 * return how it ended. {@code alphaquant ingest} and {@code alphaquant up} both load data this way,
 * through the running service, so they exercise what users of the API get.
 */
public final class IngestJobClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    public IngestJobClient(String dataServiceUrl) {
        this.baseUrl = dataServiceUrl;
    }

    /** How a job ended: its final progress document. */
    public record Outcome(String status, long rowsStored, long rowsRejected, long calls, String message, JsonNode progress) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }

    /** Submits a job and waits for it, drawing its progress on {@code bar} when one is given. */
    public Outcome run(List<String> datasets, List<String> tsCodes, LocalDate start, LocalDate end, ProgressBar bar)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("datasets", datasets, "tsCodes", tsCodes, "startDate", start.toString(),
                "endDate", end.toString()));
        HttpResponse<String> submitted = HTTP.send(InternalToken.added(HttpRequest.newBuilder(URI.create(baseUrl + "/api/data/ingest")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalArgumentException("data-service refused the ingestion (" + submitted.statusCode() + "): "
                    + detail(submitted.body()));
        }
        String progressPath = JSON.readTree(submitted.body()).path("progress").asString();
        HttpRequest poll = InternalToken.added(HttpRequest.newBuilder(URI.create(baseUrl + progressPath))).timeout(Duration.ofSeconds(10))
                .build();
        while (true) {
            JsonNode p = JSON.readTree(HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            String status = p.path("status").asString();
            boolean ended = status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("PAUSED");
            long total = p.path("unitsTotal").asLong();
            if (bar != null && (total > 0 || ended)) { // no units before the job is planned
                // A job with nothing left to fetch has no units: its bar is full once it succeeded.
                long done = status.equals("SUCCEEDED") ? total : p.path("unitsDone").asLong();
                bar.update(done, total, String.format("%,d rows, %d calls", p.path("rowsStored").asLong(), p.path("calls").asLong()));
            }
            if (ended) {
                return new Outcome(status, p.path("rowsStored").asLong(), p.path("rowsRejected").asLong(), p.path("calls").asLong(),
                        p.path("message").isNull() ? null : p.path("message").asString(), p);
            }
            Thread.sleep(300);
        }
    }

    private static String detail(String problem) {
        try {
            JsonNode node = JSON.readTree(problem);
            return node.path("detail").asString(problem);
        } catch (RuntimeException notJson) {
            return problem;
        }
    }
}
