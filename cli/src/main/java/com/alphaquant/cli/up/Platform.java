package com.alphaquant.cli.up;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code alphaquant up} started, stopped in reverse order: first every service (all asked at
 * once, each given time to close gracefully), then the infrastructure they used. Safe to call
 * from a shutdown hook and more than once.
 */
final class Platform {

    private final PrintStream out;
    private final Deque<Named> infrastructure = new ArrayDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private boolean stopped;

    private record Named(String name, AutoCloseable part) {}

    Platform(PrintStream out) {
        this.out = out;
    }

    synchronized void add(String name, AutoCloseable part) {
        infrastructure.push(new Named(name, part));
    }

    synchronized void add(ServiceProcess service) {
        services.add(service);
    }

    synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    synchronized boolean stopping() {
        return stopped;
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long t0 = System.nanoTime();
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess s : services) {
            try {
                if (!s.awaitExit(s.stopGrace())) {
                    out.println("  " + s.name() + " (pid " + s.pid() + ") did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double servicesSeconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder parts = new StringBuilder();
        while (!infrastructure.isEmpty()) {
            Named n = infrastructure.pop();
            long t1 = System.nanoTime();
            try {
                n.part().close();
            } catch (Exception e) {
                out.println("  " + n.name() + " did not stop cleanly: " + e.getMessage());
            }
            parts.append(String.format(", %s %.1f s", n.name(), (System.nanoTime() - t1) / 1e9));
        }
        out.printf("stopped %d services in %.1f s, then the infrastructure%s%n", services.size(), servicesSeconds, parts);
        out.flush();
    }
}
