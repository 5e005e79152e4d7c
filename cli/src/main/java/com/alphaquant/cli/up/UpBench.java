package com.alphaquant.cli.up;

import com.alphaquant.cli.ServiceJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code alphaquant bench up}: how long {@code alphaquant up} takes to its ready line, cold (an
 * empty data folder: initdb, Kafka format, the whole sample ingested) and warm (the same folder
 * again), and the peak memory of every process it runs, measured from outside as a user's
 * {@code top} would: the sum of resident sets (RSS, which counts PostgreSQL's shared buffers once
 * per backend) and of proportional sets (PSS, shared pages split between their users).
 */
public final class UpBench {

    private record Run(double seconds, long peakRssKb, long peakPssKb, int peakProcesses) {}

    private UpBench() {
    }

    public static int run(PrintStream out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("alphaquant-up-bench");
        out.printf("alphaquant up on %d cores, data in %s (services run with %s)%n", Runtime.getRuntime().availableProcessors(), dir,
                String.join(" ", ServiceProcess.JVM_OPTIONS));
        Run cold = once(dir, true, out);
        Run warm = once(dir, false, out);
        out.printf("%-6s %16s %14s %14s %10s%n", "run", "seconds to ready", "peak RSS (MB)", "peak PSS (MB)", "processes");
        for (var e : List.of(java.util.Map.entry("cold", cold), java.util.Map.entry("warm", warm))) {
            Run r = e.getValue();
            out.printf("%-6s %16.1f %14.0f %14.0f %10d%n", e.getKey(), r.seconds(), r.peakRssKb() / 1024.0, r.peakPssKb() / 1024.0,
                    r.peakProcesses());
        }
        return 0;
    }

    private static Run once(Path dir, boolean fresh, PrintStream out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dalphaquant.home=" + ServiceJar.home(), "-jar",
                ServiceJar.home().resolve("cli/target/alphaquant-cli.jar").toString(), "up", "--data-dir", dir.toString()));
        if (fresh) {
            command.add("--fresh");
        }
        long t0 = System.nanoTime();
        Process up = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicLong rss = new AtomicLong();
        AtomicLong pss = new AtomicLong();
        AtomicLong processes = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (up.isAlive()) {
                Set<Long> pids = tree(up, dir);
                long r = 0;
                long p = 0;
                for (long pid : pids) {
                    r += kb("/proc/" + pid + "/status", "VmRSS:");
                    p += kb("/proc/" + pid + "/smaps_rollup", "Pss:");
                }
                rss.accumulateAndGet(r, Math::max);
                pss.accumulateAndGet(p, Math::max);
                processes.accumulateAndGet(pids.size(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        double seconds = Double.NaN;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("[")) {
                    out.println("  | " + line);
                }
                if (line.startsWith("ready in ")) {
                    seconds = (System.nanoTime() - t0) / 1e9;
                    // After ready the pipeline works on (factors and signals for every ingested day):
                    // let it finish, so that the warm run starts from a settled platform.
                    double settled = awaitIdle(up, dir);
                    out.printf("  (the pipeline settled %.0f s after ready)%n", settled);
                    up.destroy();
                    break;
                }
            }
        }
        up.waitFor(60, TimeUnit.SECONDS);
        sampler.interrupt();
        return new Run(seconds, rss.get(), pss.get(), (int) processes.get());
    }

    /** Seconds until the whole tree uses less than a fifth of a core over 5 s (at most 5 minutes). */
    private static double awaitIdle(Process up, Path dir) throws InterruptedException {
        long start = System.nanoTime();
        long before = cpuTicks(tree(up, dir));
        while (System.nanoTime() - start < 300e9) {
            Thread.sleep(5000);
            long now = cpuTicks(tree(up, dir));
            if ((now - before) / 100.0 / 5.0 < 0.2) { // clock ticks are 1/100 s on Linux
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpuTicks(Set<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // exited between listing and reading
            }
        }
        return ticks;
    }

    /** The up process, its descendants, and the embedded PostgreSQL (detached) with its backends. */
    private static Set<Long> tree(Process up, Path dir) {
        Set<Long> pids = new HashSet<>();
        pids.add(up.pid());
        up.descendants().forEach(p -> pids.add(p.pid()));
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        } catch (IOException | RuntimeException notYet) {
            // not started yet, or stopped
        }
        return pids;
    }

    private static long kb(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
