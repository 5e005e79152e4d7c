package com.alphaquant.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A module's executable jar, run as a child process: {@code alphaquant up} runs every service
 * this way, {@code alphaquant ingest} runs data-service, {@code alphaquant bench} the benchmarks,
 * so the CLI runs the very code the services run without carrying Spring. The {@code alphaquant}
 * launcher builds the jars first and passes the repository root as {@code alphaquant.home}.
 */
public final class ServiceJar {

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final String module;
    private final Path jar;

    private ServiceJar(String module, Path jar) {
        this.module = module;
        this.jar = jar;
    }

    /** A Spring Boot service's executable jar, {@code <module>/target/<module>-<version>-exec.jar}. */
    public static ServiceJar of(String module) {
        return at(module, module + "-" + VERSION + "-exec.jar");
    }

    /** The benchmarks' jar (JMH and the ingestion benchmarks). */
    static ServiceJar benchmarks() {
        return at("benchmarks", "benchmarks.jar");
    }

    private static ServiceJar at(String module, String name) {
        Path jar = home().resolve(module).resolve("target").resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built (" + jar + "): run ./alphaquant from the repository root, "
                    + "or ./mvnw -pl " + module + " -am install -DskipTests");
        }
        return new ServiceJar(module, jar);
    }

    /** The repository root the launcher passed, else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("alphaquant.home", "")).toAbsolutePath();
    }

    public String module() {
        return module;
    }

    /** The folder the jar lies in. */
    public Path folder() {
        return jar.getParent();
    }

    /**
     * The jar unpacked into {@code dir} (Spring Boot's {@code jarmode=tools extract}: the
     * application jar with its libraries beside it), unpacked again when this jar is newer. An
     * unpacked application starts faster, and only its classes can go in a class-data archive.
     */
    public ServiceJar extractedTo(Path dir) {
        Path stamp = dir.resolve(".extracted");
        Path extracted = dir.resolve(jar.getFileName());
        try {
            if (!Files.exists(stamp) || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(stamp)) > 0) {
                Folders.deleteRecursively(dir);
                Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                        dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() != 0 || !Files.isRegularFile(extracted)) {
                    throw new IllegalStateException("Cannot unpack " + jar + " into " + dir);
                }
                Files.writeString(stamp, jar.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + jar);
        }
        return new ServiceJar(module, extracted);
    }

    /**
     * Starts the jar's application in the background with its output (stdout and stderr) appended
     * to {@code log}; the caller owns the process.
     */
    public Process start(List<String> jvmOptions, List<String> args, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + module + ": " + e.getMessage(), e);
        }
    }

    /** Runs a main class of the jar with the terminal attached; returns its exit code. */
    int runMain(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", jar.toString(), mainClass));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
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
