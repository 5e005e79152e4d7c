package com.alphaquant.strategy.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.factors.FactorClient;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.ProblemResponses;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code POST /evaluate} while factor-service is down: an RFC 9457 503 problem, not a 500; and
 * when factor-service refuses the request: its 4xx and its reason, not a 503 inviting a retry.
 */
class EvaluateUnavailableTest {

    static MockMvc mvc(String factorServiceUrl) {
        StrategyProperties properties = new StrategyProperties(factorServiceUrl, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
        SignalStore store = new SignalStore(null); // never reached: the factors come first
        SignalEngine engine = new SignalEngine(new FactorClient(properties, ServiceCalls.none()), store, properties);
        return MockMvcBuilders.standaloneSetup(new StrategyController(engine, store))
                .setControllerAdvice(new ProblemResponses()).build();
    }

    static void expect503(MockMvc mvc) throws Exception {
        mvc.perform(post("/api/strategies/multi_factor/evaluate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2024-01-02\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Factors unavailable"));
    }

    @Test
    void aFactorServiceAnsweringFiveHundredIsA503Problem() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/factors", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            expect503(mvc("http://127.0.0.1:" + server.getAddress().getPort()));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFactorServiceBadRequestIsPassedOnAsA400ProblemWithItsDetail() throws Exception {
        String detail = "start: 2031-01-02 is outside 1990-12-19 … 2030-12-31 (the A-share market opened on 1990-12-19)";
        byte[] problem = ("{\"type\":\"https://alphaquant.dev/problems/invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"" + detail + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/factors", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        server.start();
        try {
            mvc("http://127.0.0.1:" + server.getAddress().getPort())
                    .perform(post("/api/strategies/multi_factor/evaluate").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\":\"2031-01-02\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.title").value("Bad Request (factor-service)"))
                    .andExpect(jsonPath("$.detail").value(detail));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedConnectionIsA503Problem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        expect503(mvc("http://127.0.0.1:" + port));
    }
}
