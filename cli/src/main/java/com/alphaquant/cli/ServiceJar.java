package com.alphaquant.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a service's executable jar as a child process with the terminal attached: the CLI's
 * commands that need a whole service (ingestion into PostgreSQL, its benchmarks) run the very
 * code the service runs, without the CLI carrying Spring. The {@code alphaquant} launcher
 * builds the jar first and passes the repository root as {@code alphaquant.home}.
 */
final class ServiceJar {

    private final Path jar;

    private ServiceJar(Path jar) {
        this.jar = jar;
    }

    static ServiceJar of(String module) {
        Path home = Path.of(System.getProperty("alphaquant.home", "")).toAbsolutePath();
        Path jar = home.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built (" + jar + "): run ./alphaquant from the repository root, "
                    + "or ./mvnw -pl " + module + " -am install -DskipTests");
        }
        return new ServiceJar(jar);
    }

    /** Runs the jar's Spring Boot application with {@code args}; returns its exit code. */
    int runApplication(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        return run(command, env);
    }

    /** Runs another main class inside the jar (benchmarks); returns its exit code. */
    int runMain(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", jar.toString(), "-Dloader.main=" + mainClass,
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(args);
        return run(command, Map.of());
    }

    private static int run(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
