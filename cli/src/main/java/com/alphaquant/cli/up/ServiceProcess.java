package com.alphaquant.cli.up;

import com.alphaquant.cli.ServiceJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform running as a child process, its output in its own log file. */
public final class ServiceProcess {

    /** Small heaps and a quick-starting JIT: six JVMs share a laptop with the infrastructure. */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-Dspring.output.ansi.enabled=never");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final boolean recording;

    private ServiceProcess(String name, int port, Path log, Process process, boolean recording) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.recording = recording;
    }

    /** Starts {@code module}'s jar on {@code port} (bound to loopback), logging to {@code logs/<module>.log}. */
    public static ServiceProcess start(String module, int port, Map<String, String> env, List<String> args, Path logs) {
        return start(ServiceJar.of(module), JVM_OPTIONS, port, env, args, logs, false);
    }

    /** As {@link #start(String, int, Map, List, Path)} with other JVM options (a benchmark's). */
    static ServiceProcess start(String module, List<String> jvmOptions, int port, Map<String, String> env, Path logs) {
        return start(ServiceJar.of(module), jvmOptions, port, env, List.of(), logs, false);
    }

    /**
     * Starts a service unpacked by {@link ServiceJar#extractedTo} with a class-data archive of its own
     * classes (AppCDS): the first run records the archive when the service exits, later runs map
     * it and start in about half the time. One archive per Java runtime, since an archive only
     * serves the JVM that wrote it.
     */
    static ServiceProcess startWithClassData(ServiceJar unpacked, int port, Map<String, String> env, Path logs) {
        Path archive = unpacked.folder().resolve("classes-" + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_") + ".jsa");
        boolean recording = !Files.isRegularFile(archive);
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add((recording ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
        options.add("-Xlog:cds=off"); // an archive is a speed-up: classes it cannot take are no news
        return start(unpacked, options, port, env, List.of(), logs, recording);
    }

    private static ServiceProcess start(ServiceJar jar, List<String> options, int port, Map<String, String> env, List<String> args,
                                        Path logs, boolean recording) {
        Path log = logs.resolve(jar.module() + ".log");
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PORT", Integer.toString(port));
        all.put("SERVER_ADDRESS", "127.0.0.1");
        Process process = jar.start(options, args, all, log);
        return new ServiceProcess(jar.module(), port, log, process, recording);
    }

    /** Time to stop: a service writing its class-data archive on exit needs longer. */
    Duration stopGrace() {
        return recording ? Duration.ofSeconds(60) : Duration.ofSeconds(20);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** CPU time the process has used so far (user and system, all threads); zero where the OS does not say. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Waits until the service reports itself ready; fails with the end of its log if it exits or takes too long. */
    public void awaitReady(Duration max) throws InterruptedException {
        await("readiness", max);
    }

    /** Waits until the service reports itself live (up, whatever its dependencies). */
    void awaitLive(Duration max) throws InterruptedException {
        await("liveness", max);
    }

    private void await(String probeName, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/" + probeName)).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; the end of "
                        + log + ":\n" + tail(30));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + max.toSeconds() + " s; the end of " + log + ":\n"
                        + tail(30));
            }
            Thread.sleep(200);
        }
    }

    /** SIGTERM: Spring Boot shuts down gracefully. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the exit, and kills the process if it has not exited within {@code max}. */
    public boolean awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return process.waitFor(5, TimeUnit.SECONDS);
        }
        return true;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }
}
