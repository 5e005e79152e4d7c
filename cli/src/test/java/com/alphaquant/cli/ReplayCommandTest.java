package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code alphaquant replay} against a real HTTP server speaking the services' dead-letter API. */
class ReplayCommandTest {

    @RegisterExtension
    final Console console = new Console();

    HttpServer service;
    final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/admin/dead-letters/", ex -> {
            asked.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            boolean known = ex.getRequestURI().getPath().contains("/factors.computed");
            String body = known
                    ? "{\"topic\":\"factors.computed\",\"deadLetterTopic\":\"factors.computed.dlt\",\"replayed\":"
                            + (ex.getRequestMethod().equals("POST") ? 2 : 0) + ",\"remaining\":" + (ex.getRequestMethod().equals("POST") ? 1 : 3) + "}"
                    : "{\"status\":404,\"detail\":\"No dead-letter topic other.topic.dlt\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(known ? 200 : 404, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @Test
    void replaysThroughTheConsumingServiceAndSaysWhatIsLeft() {
        assertThat(AlphaQuant.run("replay", "factors.computed", "--max", "2", "--service-url", url())).isZero();
        assertThat(console.out()).contains("factors.computed.dlt: 2 replayed to factors.computed, 1 still waiting");
        assertThat(asked).containsExactly("POST /api/admin/dead-letters/factors.computed/replay?max=2");

        assertThat(AlphaQuant.run("replay", "factors.computed", "--dry-run", "--service-url", url())).isZero();
        assertThat(console.out()).contains("0 replayed to factors.computed, 3 still waiting");
    }

    @Test
    void aTopicNoServiceConsumesOrHasNoDeadLettersIsAClearError() {
        assertThat(AlphaQuant.run("replay", "no.such.topic")).isEqualTo(2);
        assertThat(console.err()).contains("No service consumes 'no.such.topic'", "factors.computed");

        assertThat(AlphaQuant.run("replay", "other.topic", "--service-url", url())).isEqualTo(1);
        assertThat(console.err()).contains("No dead-letter topic other.topic.dlt");
    }
}
