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
 * sources in the three ways they register them: a builder ({@code Counter.builder("alphaquant.factor.cache")}
 * is alphaquant_factor_cache_total), the registry's shorthand ({@code meters.counter("alphaquant.tushare.calls", ...)})
 * and an observation ({@code Observation.createNotStarted(RELAY, ...)} with {@code RELAY = "alphaquant.outbox.relay"}),
 * which the default handler records as a timer and a long task timer ({@code .active}). A timer
 * has {@code _bucket} series only where percentiles-histogram is on for it.
 */
final class MeterNames {

    private static final String NAME = "\"([a-z0-9_.]+)\"";
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|FunctionTimer|Gauge|TimeGauge|DistributionSummary|LongTaskTimer)\\.builder\\(\\s*" + NAME);
    /** MeterRegistry's shorthand: counter(name, tags...), timer, gauge, summary. */
    private static final Pattern SHORTHAND = Pattern.compile("\\.(counter|timer|gauge|summary)\\(\\s*" + NAME);
    private static final Map<String, String> SHORTHAND_TYPES = Map.of("counter", "Counter", "timer", "Timer", "gauge", "Gauge",
            "summary", "DistributionSummary");
    /** An observation named by a literal or by a constant of the same file. */
    private static final Pattern OBSERVATION = Pattern.compile("\\bObservation\\.(?:createNotStarted|start)\\(\\s*(?:" + NAME + "|([A-Z_]+)\\b)");
    /** How Micrometer's Prometheus naming turns a meter into series; histogram buckets are added apart. */
    private static final Map<String, List<String>> SUFFIXES = Map.of(
            "Counter", List.of("_total"), "FunctionCounter", List.of("_total"),
            "Timer", List.of("_seconds_count", "_seconds_sum", "_seconds_max"),
            "FunctionTimer", List.of("_seconds_count", "_seconds_sum"),
            "LongTaskTimer", List.of("_seconds_active_count", "_seconds_duration_sum", "_seconds_max"),
            "DistributionSummary", List.of("_count", "_sum", "_max"),
            "Gauge", List.of(""), "TimeGauge", List.of("_seconds"));
    private static final Map<String, String> BUCKETS = Map.of("Timer", "_seconds_bucket", "DistributionSummary", "_bucket");

    private MeterNames() {
    }

    /**
     * @param histograms meter names (or name prefixes, as Micrometer matches them) that
     *                   management.metrics.distribution.percentiles-histogram turns on
     */
    static Set<String> inSources(Set<String> histograms) {
        Set<String> names = new TreeSet<>();
        for (String source : javaSources()) {
            Matcher builder = BUILDER.matcher(source);
            while (builder.find()) {
                add(names, builder.group(1), builder.group(2), histograms);
            }
            Matcher shorthand = SHORTHAND.matcher(source);
            while (shorthand.find()) {
                add(names, SHORTHAND_TYPES.get(shorthand.group(1)), shorthand.group(2), histograms);
            }
            Matcher observation = OBSERVATION.matcher(source);
            while (observation.find()) {
                String name = observation.group(1) != null ? observation.group(1) : constant(source, observation.group(2));
                add(names, "Timer", name, histograms);
                add(names, "LongTaskTimer", name + ".active", histograms);
            }
        }
        return names;
    }

    private static String constant(String source, String constant) {
        Matcher m = Pattern.compile("\\bString " + constant + "\\s*=\\s*" + NAME).matcher(source);
        if (!m.find()) {
            throw new IllegalStateException("an observation is named by " + constant + ", which is no string constant of its file");
        }
        return m.group(1);
    }

    private static void add(Set<String> names, String type, String meter, Set<String> histograms) {
        String series = meter.replace('.', '_');
        SUFFIXES.get(type).forEach(suffix -> names.add(series + suffix));
        boolean histogram = histograms.stream().anyMatch(h -> meter.equals(h) || meter.startsWith(h + "."));
        if (histogram && BUCKETS.containsKey(type)) {
            names.add(series + BUCKETS.get(type));
        }
    }

    /** Every main source file of every module (modules sit at most two folders deep: libs/model). */
    private static List<String> javaSources() {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> dirs = Files.find(Repository.root(), 5, (p, a) -> a.isDirectory() && p.endsWith("src/main/java")
                && !p.toString().contains("/target/") && !p.toString().contains("/.git/"))) {
            for (Path dir : dirs.toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(Repository.read(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
