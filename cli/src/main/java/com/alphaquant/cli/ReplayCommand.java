package com.alphaquant.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code alphaquant replay TOPIC}: sends the dead letters of a topic back to it, through the
 * service that consumes it ({@code POST /api/admin/dead-letters/{topic}/replay}), once the
 * cause is fixed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send a topic's dead letters (TOPIC.dlt) back to TOPIC, through the service that consumes it.")
final class ReplayCommand implements Callable<Integer> {

    /** Which service consumes which topic, at the port `alphaquant up` gives it. */
    static final Map<String, String> CONSUMERS = Map.of(
            "market.data.ingested", "http://127.0.0.1:8082",
            "market.data.ready", "http://127.0.0.1:8082",
            "factors.computed", "http://127.0.0.1:8085",
            "model.predictions", "http://127.0.0.1:8085");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(paramLabel = "TOPIC", description = "the topic whose dead letters to replay, e.g. factors.computed")
    String topic;

    @Option(names = "--max", defaultValue = "1000", description = "replay at most this many (default: ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--service-url", description = "the consuming service (default: the local one for TOPIC)")
    String serviceUrl;

    @Option(names = "--dry-run", description = "only say how many dead letters wait")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        String url = serviceUrl != null ? serviceUrl : CONSUMERS.get(topic);
        if (url == null) {
            throw new IllegalArgumentException("No service consumes '" + topic + "'; topics with dead letters: "
                    + CONSUMERS.keySet().stream().sorted().toList() + " (or give --service-url)");
        }
        if (max < 1) {
            throw new IllegalArgumentException("--max must be at least 1, not " + max);
        }
        String path = "/api/admin/dead-letters/" + topic + (dryRun ? "" : "/replay?max=" + max);
        HttpRequest.Builder request = InternalToken.added(HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path)))
                .timeout(Duration.ofMinutes(5));
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                .send(dryRun ? request.GET().build() : request.POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            System.err.println("replay: " + body.path("detail").asString(r.body()));
            return 1;
        }
        System.out.printf("%s: %d replayed to %s, %d still waiting%n", body.path("deadLetterTopic").asString(),
                body.path("replayed").asInt(), topic, body.path("remaining").asLong());
        return 0;
    }
}
