package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.testsupport.http.LocalService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** data-service's ingest API as the integration tests drive it: submit a job, wait for its end. */
final class IngestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalService service;

    IngestApi(int port) {
        this.service = new LocalService(port);
    }

    HttpResponse<String> get(String path) {
        return service.get(path);
    }

    /** Submits {@code body} to {@code POST /api/data/ingest} (202 expected) and returns the job once it ended. */
    JsonNode ingest(String body) {
        HttpResponse<String> r = service.post("/api/data/ingest", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        UUID id = UUID.fromString(JSON.readTree(r.body()).get("id").asString());
        return await("ingest job " + id + " to end").atMost(Duration.ofMinutes(2))
                .until(() -> job(id), job -> !List.of("QUEUED", "RUNNING").contains(job.get("status").asString()));
    }

    JsonNode job(UUID id) {
        return JSON.readTree(service.get("/api/data/jobs/" + id).body());
    }
}
