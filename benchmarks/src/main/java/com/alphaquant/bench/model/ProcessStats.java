package com.alphaquant.bench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory and CPU time as the kernel sees it: resident set (Java heap, PyTorch's native tensors
 * and the JVM's own) now and at its peak. Tensors live outside the heap, so only RSS shows a leak.
 */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** Resident set now, MiB (VmRSS). */
    public static long rssMiB() {
        return statusKiB("VmRSS") >> 10;
    }

    /** Peak resident set since the process started, MiB (VmHWM). */
    public static long peakRssMiB() {
        return statusKiB("VmHWM") >> 10;
    }

    /** Sum of the heap pools' peak use, MiB. */
    public static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** CPU time this process has used, all threads, ns. */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's 1-minute load average: above the core count, figures here are slowed by others. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long statusKiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("/proc/self/status has no " + field);
    }
}
