package com.alphaquant.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.SampleData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alphaquant up} as a user runs it, in its own process on free ports: it prints a line per
 * part and a ready line, the gateway then serves the dashboard and the ingested bars, and a stop
 * signal (what Ctrl-C sends the JVM) leaves no process of it alive and no port of it bound.
 * Needs the services' jars: the reactor builds them before this module.
 */
class UpIT {

    @Test
    void upServesTheSampleThroughTheGatewayAndStopsEverythingOnASignal(@TempDir Path dataDir) throws Exception {
        Path home = SampleData.dir().getParent().getParent();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String part : Ports.DEFAULTS.keySet()) {
            ports.put(part, Ports.anyFree());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dalphaquant.home=" + home, "-jar", home.resolve("cli/target/alphaquant-cli.jar").toString(), "up",
                "--data-dir", dataDir.toString()));
        ports.forEach((part, port) -> command.addAll(List.of("--port", part + "=" + port)));
        Process up = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            List<String> seen = new ArrayList<>();
            String ready = awaitLine(lines, seen, "ready in ", Duration.ofMinutes(6));
            assertThat(ready).as("output so far:\n%s", String.join("\n", seen))
                    .contains("dashboard http://127.0.0.1:" + ports.get("gateway") + "/");
            assertThat(String.join("\n", seen)).contains("postgres", "redis", "kafka", "tushare", "data-service", "factor-service",
                    "model-service", "backtest-service", "strategy-service", "gateway", "sample");
            up.descendants().forEach(started::add);
            String keyLine = awaitLine(lines, seen, "API key: ", Duration.ofSeconds(10));
            String apiKey = keyLine.substring("API key: ".length()).split(" ")[0];
            assertThat(apiKey).startsWith("aq_").hasSizeGreaterThan(40);
            assertThat(Files.readString(dataDir.resolve("api-key")).trim()).isEqualTo(apiKey);

            HttpClient http = HttpClient.newHttpClient();
            String gateway = "http://127.0.0.1:" + ports.get("gateway");
            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(gateway + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("AlphaQuant");
            URI barsUri = URI.create(gateway + "/api/data/bars?ts_code=600519.SH&start=2022-12-19&end=2022-12-20");
            assertThat(http.send(HttpRequest.newBuilder(barsUri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the API needs the key").isEqualTo(401);
            HttpResponse<String> bars = http.send(HttpRequest.newBuilder(barsUri).header("X-API-Key", apiKey).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bars.statusCode()).isEqualTo(200);
            assertThat(bars.body()).contains("\"tradeDate\":\"2022-12-19\"", "\"tradeDate\":\"2022-12-20\"");
        } finally {
            up.destroy(); // SIGTERM: the JVM runs the same shutdown as on Ctrl-C
            assertThat(up.waitFor(90, TimeUnit.SECONDS)).as("alphaquant up exits").isTrue();
        }
        assertThat(started).as("six services and redis-server (PostgreSQL runs detached, checked by its port)").hasSizeGreaterThanOrEqualTo(7);
        for (ProcessHandle child : started) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("%s stopped", child.info().command().orElse("pid " + child.pid())).isFalse();
        }
        ports.forEach((part, port) -> assertThat(Ports.isFree(port)).as("port of %s released", part).isTrue());
    }

    private static String awaitLine(BlockingQueue<String> lines, List<String> seen, String prefix, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        return "(no line starting with '" + prefix + "' within " + max.toSeconds() + " s)";
    }
}
