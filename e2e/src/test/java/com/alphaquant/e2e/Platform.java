package com.alphaquant.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole platform as a user starts it: {@code alphaquant-cli.jar up --fresh} in its own
 * process, every part on a free port, its output kept in a log file. Ready once it prints
 * {@code ready in}; its API key is the {@code API key: <key>} line, where the gateway asks for one.
 * Closing stops it as Ctrl-C does and then makes sure no process of it is left.
 */
final class Platform implements AutoCloseable {

    static final List<String> PARTS = List.of("gateway", "data-service", "factor-service", "model-service", "backtest-service",
            "strategy-service", "postgres", "redis", "kafka", "kafka-controller", "tushare-sim");
    private static final Pattern KEY = Pattern.compile("API key: (\\S+)");

    private final Process process;
    private final Map<String, Integer> ports;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final List<ProcessHandle> children = new ArrayList<>();
    private String apiKey;

    private Platform(Process process, Map<String, Integer> ports, Path log) {
        this.process = process;
        this.ports = ports;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                in.lines().forEach(line -> {
                    out.println(line);
                    lines.add(line);
                });
            } catch (IOException e) {
                lines.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, "alphaquant-up-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code up} from the repository at {@code home} with its data in {@code dataDir}, output in {@code log}. */
    static Platform start(Path home, Path dataDir, Path log) throws IOException {
        return start(home, dataDir, log, Map.of());
    }

    /** As {@link #start(Path, Path, Path)}, with {@code env} added to what {@code up} and its services see. */
    static Platform start(Path home, Path dataDir, Path log, Map<String, String> env) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String part : PARTS) {
            ports.put(part, freePort(ports));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dalphaquant.home=" + home, "-jar", home.resolve("cli/target/alphaquant-cli.jar").toString(), "up", "--fresh",
                "--data-dir", dataDir.toString()));
        ports.forEach((part, port) -> command.addAll(List.of("--port", part + "=" + port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        return new Platform(process, ports, log);
    }

    /** Blocks until the ready line; fails with the output so far when it does not come or {@code up} exits. */
    void awaitReady(Duration max) throws InterruptedException {
        String ready = awaitLine("ready in ", max);
        if (ready == null) {
            throw new IllegalStateException("alphaquant up was not ready within " + max.toSeconds() + " s"
                    + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")") + "; its output:\n" + String.join("\n", seen));
        }
        process.descendants().forEach(children::add);
    }

    /**
     * The API key {@code up} printed. Asked only once the gateway answered 401 to a call without
     * one, so the line must come: waits for it up to {@code max}.
     */
    String awaitApiKey(Duration max) throws InterruptedException {
        if (apiKey == null && awaitLine("API key: ", max) == null) {
            throw new IllegalStateException("The gateway asks for an API key but up printed no 'API key:' line; its output:\n"
                    + String.join("\n", seen));
        }
        return apiKey;
    }

    Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    String url() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    Map<String, Integer> ports() {
        return ports;
    }

    private String awaitLine(String marker, Duration max) throws InterruptedException {
        for (String line : seen) {
            if (line.contains(marker)) {
                return line;
            }
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && (process.isAlive() || !lines.isEmpty())) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                Matcher key = KEY.matcher(line);
                if (key.find()) {
                    apiKey = key.group(1);
                }
                if (line.contains(marker)) {
                    return line;
                }
            }
        }
        return null;
    }

    /**
     * Stops the platform as Ctrl-C does (SIGTERM: {@code up} stops its services, then its
     * infrastructure), then kills whatever of its process tree is still alive.
     */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(p -> {
            if (!children.contains(p)) {
                children.add(p);
            }
        });
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }

    /** The process of one of the platform's services, e.g. {@code model-service}. */
    ProcessHandle service(String name) {
        return process.descendants().filter(p -> p.info().commandLine().orElse("").contains("/apps/" + name + "/"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no process of " + name + " under up"));
    }

    /** The parts whose port is still bound. */
    List<String> boundPorts() {
        return ports.entrySet().stream().filter(e -> !isFree(e.getValue())).map(e -> e.getKey() + ":" + e.getValue()).toList();
    }

    /** Processes of the platform still alive. */
    List<String> aliveProcesses() {
        List<String> alive = new ArrayList<>();
        if (process.isAlive()) {
            alive.add("up (pid " + process.pid() + ")");
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(p -> alive.add(p.info().command().orElse("?") + " (pid " + p.pid() + ")"));
        return alive;
    }

    private static int freePort(Map<String, Integer> taken) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                // a port the OS handed out twice in a row would give two parts the same one
                if (!taken.containsValue(port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free port");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
