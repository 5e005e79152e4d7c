package com.alphaquant.deploy.k8s;

import com.alphaquant.deploy.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series names of the Micrometer meters the services register, read from their
 * sources: {@code Counter.builder("factor.cache.hits")} is factor_cache_hits_total. A meter named
 * from a constructor argument ({@code Counter.builder(name + ".jobs.claim.failures")} in class
 * JobWorker) takes each name passed as {@code new JobWorker("ingest", ...)}.
 */
final class MeterNames {

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|FunctionTimer|Gauge|TimeGauge|DistributionSummary|LongTaskTimer)\\.builder\\(\\s*"
                    + "(?:\"([a-z0-9_.]+)\"|name \\+ \"([a-z0-9_.]+)\")");
    private static final Pattern CLASS = Pattern.compile("\\bclass (\\w+)");
    /** How Micrometer's Prometheus naming turns a meter into series. */
    private static final Map<String, List<String>> SUFFIXES = Map.of(
            "Counter", List.of("_total"), "FunctionCounter", List.of("_total"),
            "Timer", List.of("_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"),
            "FunctionTimer", List.of("_seconds_count", "_seconds_sum"),
            "LongTaskTimer", List.of("_seconds_active_count", "_seconds_duration_sum", "_seconds_max"),
            "DistributionSummary", List.of("_count", "_sum", "_max", "_bucket"),
            "Gauge", List.of(""), "TimeGauge", List.of("_seconds"));

    private MeterNames() {
    }

    static Set<String> inSources() {
        List<String> sources = javaSources();
        Set<String> names = new TreeSet<>();
        for (String source : sources) {
            Matcher m = BUILDER.matcher(source);
            while (m.find()) {
                if (m.group(2) != null) {
                    add(names, m.group(1), m.group(2));
                } else {
                    Matcher c = CLASS.matcher(source);
                    if (c.find()) {
                        Pattern construction = Pattern.compile("new (?:[\\w.]+\\.)?" + c.group(1) + "\\(\"([a-z0-9_]+)\"");
                        for (String other : sources) {
                            Matcher n = construction.matcher(other);
                            while (n.find()) {
                                add(names, m.group(1), n.group(1) + m.group(3));
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static void add(Set<String> names, String type, String meter) {
        SUFFIXES.get(type).forEach(suffix -> names.add(meter.replace('.', '_') + suffix));
    }

    /** Every main source file of every module (modules sit at most two folders deep: libs/model). */
    private static List<String> javaSources() {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> dirs = Files.find(Repository.root(), 5, (p, a) -> a.isDirectory() && p.endsWith("src/main/java")
                && !p.toString().contains("/target/") && !p.toString().contains("/.git/"))) {
            for (Path dir : dirs.toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(ServiceSettings.read(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
