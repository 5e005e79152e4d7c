package com.alphaquant.cli.up;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alphaquant bench gateway}: what the gateway adds to a call, measured side by side in one
 * run: the same GET (factor-service's catalog, answered from memory) sent straight to the service
 * and through the gateway with its API key check, per-key Redis rate limit (set high enough never
 * to refuse, so each call still pays for the Redis round trip) and circuit breaker on. Mean and
 * p99 latency on one connection, requests/s on many. Direct and gateway runs alternate, so drift
 * (JIT, heat) hits both alike.
 */
public final class GatewayBench {

    private static final String PATH = "/api/factors/catalog";

    private GatewayBench() {
    }

    public static int run(PrintStream out, int requests, int connections, double seconds, int rounds, boolean fullJit)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("alphaquant-gateway-bench");
        List<String> jvm = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        if (fullJit) {
            jvm.remove("-XX:TieredStopAtLevel=1");
        }
        int redisPort = Ports.anyFree();
        try (Redis redis = Redis.embedded(redisPort)) {
            int servicePort = Ports.anyFree();
            int gatewayPort = Ports.anyFree();
            LocalApiKey apiKey = LocalApiKey.in(logs);
            String key = apiKey.key();
            ServiceProcess service = ServiceProcess.start("factor-service", jvm, servicePort, Map.of(
                    "REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(redisPort), "DATA_SERVICE_URL", "http://127.0.0.1:1"), logs);
            Map<String, String> gatewayEnv = new HashMap<>(apiKey.gatewayEnvironment());
            gatewayEnv.putAll(Map.of("REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(redisPort),
                    "FACTOR_SERVICE_URL", service.url(),
                    "ALPHAQUANT_GATEWAY_APIKEYS_0_REQUESTSPERSECOND", "1000000", "ALPHAQUANT_GATEWAY_APIKEYS_0_BURST", "1000000"));
            ServiceProcess gateway = ServiceProcess.start("gateway", jvm, gatewayPort, gatewayEnv, logs);
            try {
                service.awaitLive(Duration.ofMinutes(3));
                gateway.awaitReady(Duration.ofMinutes(3));
                HttpLoad direct = new HttpLoad("127.0.0.1", servicePort, PATH, List.of());
                HttpLoad routed = new HttpLoad("127.0.0.1", gatewayPort, PATH, List.of("X-API-Key: " + key));
                out.printf("gateway overhead on %d cores: GET %s, %s JIT, logs in %s%n", Runtime.getRuntime().availableProcessors(), PATH,
                        fullJit ? "full" : "up's quick-start (C1)", logs);
                out.println("warming up both...");
                for (HttpLoad load : List.of(direct, routed)) {
                    load.sequential(requests);
                    load.concurrent(connections, seconds / 2);
                }
                measure(out, direct, routed, new Cpu(service, gateway), requests, connections, seconds, rounds);
            } finally {
                gateway.requestStop();
                service.requestStop();
                gateway.awaitExit(Duration.ofSeconds(20));
                service.awaitExit(Duration.ofSeconds(20));
            }
        }
        return 0;
    }

    /**
     * CPU spent per request by each process during the throughput runs: unlike req/s it hardly
     * depends on what else the machine is doing, so runs on a busy machine stay comparable.
     */
    private record Cpu(ServiceProcess service, ServiceProcess gateway) {
        long[] now() {
            return new long[] {service.cpuTime().toNanos(), gateway.cpuTime().toNanos()};
        }
    }

    private static void measure(PrintStream out, HttpLoad direct, HttpLoad routed, Cpu cpu, int requests, int connections,
                                double seconds, int rounds) throws IOException, InterruptedException {
        List<long[]> directNanos = new ArrayList<>();
        List<long[]> routedNanos = new ArrayList<>();
        double directRps = 0;
        double routedRps = 0;
        long failures = 0;
        long directServiceCpu = 0;
        long directRequests = 0;
        long routedServiceCpu = 0;
        long routedGatewayCpu = 0;
        long routedRequests = 0;
        for (int r = 0; r < rounds; r++) {
            HttpLoad.Latencies d = direct.sequential(requests);
            HttpLoad.Latencies g = routed.sequential(requests);
            long[] before = cpu.now();
            HttpLoad.Throughput dt = direct.concurrent(connections, seconds);
            long[] between = cpu.now();
            HttpLoad.Throughput gt = routed.concurrent(connections, seconds);
            long[] after = cpu.now();
            directServiceCpu += between[0] - before[0];
            directRequests += dt.requests();
            routedServiceCpu += after[0] - between[0];
            routedGatewayCpu += after[1] - between[1];
            routedRequests += gt.requests();
            directNanos.add(d.nanos());
            routedNanos.add(g.nanos());
            directRps += dt.requestsPerSecond() / rounds;
            routedRps += gt.requestsPerSecond() / rounds;
            failures += d.failures() + g.failures() + dt.failures() + gt.failures();
            out.printf("  round %d: 1 connection mean %.3f ms direct, %.3f ms gateway; %d connections %,.0f req/s direct, %,.0f req/s gateway%n",
                    r + 1, d.meanMillis(), g.meanMillis(), connections, dt.requestsPerSecond(), gt.requestsPerSecond());
        }
        HttpLoad.Latencies d = new HttpLoad.Latencies(concat(directNanos), 0);
        HttpLoad.Latencies g = new HttpLoad.Latencies(concat(routedNanos), 0);
        out.printf("%-30s %12s %12s %12s%n", "", "direct", "gateway", "difference");
        out.printf("%-30s %12.3f %12.3f %+12.3f%n", "1 connection, mean (ms)", d.meanMillis(), g.meanMillis(), g.meanMillis() - d.meanMillis());
        out.printf("%-30s %12.3f %12.3f %+12.3f%n", "1 connection, p50 (ms)", d.percentileMillis(50), g.percentileMillis(50),
                g.percentileMillis(50) - d.percentileMillis(50));
        out.printf("%-30s %12.3f %12.3f %+12.3f%n", "1 connection, p99 (ms)", d.percentileMillis(99), g.percentileMillis(99),
                g.percentileMillis(99) - d.percentileMillis(99));
        out.printf("%-30s %12.0f %12.0f %11.0f%%%n", connections + " connections (req/s)", directRps, routedRps, 100 * routedRps / directRps);
        out.printf("%-30s %12.3f %12.3f %+12.3f%n", "CPU per request (ms)", directServiceCpu / 1e6 / directRequests,
                (routedServiceCpu + routedGatewayCpu) / 1e6 / routedRequests,
                (routedServiceCpu + routedGatewayCpu) / 1e6 / routedRequests - directServiceCpu / 1e6 / directRequests);
        out.printf("  of which the gateway: %.3f ms, the service: %.3f ms (throughput runs; the load generator's own CPU not counted)%n",
                routedGatewayCpu / 1e6 / routedRequests, routedServiceCpu / 1e6 / routedRequests);
        out.printf("answers other than 200: %d (%,d requests at 1 connection per side)%n", failures, d.nanos().length);
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }
}
