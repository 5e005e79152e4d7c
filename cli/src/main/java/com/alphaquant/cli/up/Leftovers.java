package com.alphaquant.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes one {@code alphaquant up} started, written to {@code <data>/up.pids} as they start
 * (pid and start time, so a recycled pid is never mistaken for ours). Ctrl-C stops them all; but
 * when the launcher itself is killed outright they outlive it and hold its ports, so the next run
 * stops whatever of them is still alive before it begins.
 */
final class Leftovers {

    private final Path file;

    Leftovers(Path dataDir) {
        this.file = dataDir.resolve("up.pids");
    }

    /** Records a process we started (the embedded PostgreSQL too, which detaches from us). */
    synchronized void record(ProcessHandle process) {
        Optional<Instant> started = process.info().startInstant();
        try {
            Files.writeString(file, process.pid() + " " + started.map(Instant::toString).orElse("-") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Stops the recorded processes that still run (TERM, then KILL after 15 s); returns how many there were. */
    int stopAll() throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> alive = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 2) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> parts[1].equals(p.info().startInstant().map(Instant::toString).orElse("-")))
                    .ifPresent(alive::add);
        }
        alive.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : alive) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        Files.delete(file);
        return alive.size();
    }
}
