package com.alphaquant.deploy.k8s;

import com.alphaquant.deploy.Repository;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AlphaQuant's own rules for a render: every service deployed as the platform needs it (probes on
 * its actuator groups, its port, the environment it reads and nothing it does not), only the
 * gateway reachable from outside, a migration Job per service with Flyway migrations, and
 * service addresses in ConfigMaps that name Services of the render.
 */
final class PlatformRules {

    static final List<String> SERVICES = List.of("data-service", "factor-service", "model-service", "backtest-service",
            "strategy-service", "gateway");
    static final Set<String> AUTOSCALED = Set.of("factor-service", "backtest-service", "strategy-service");
    static final String IMAGE_PREFIX = "alphaquant/";
    static final String MIGRATE_MAIN = "com.alphaquant.support.migrate.MigrateSchema";
    /** //host:port in URLs, host:port in lists such as KAFKA_BOOTSTRAP_SERVERS. */
    private static final Pattern ADDRESS = Pattern.compile("(?:^|//|,)([a-z0-9.-]+):(\\d+)");

    private PlatformRules() {
    }

    static List<String> check(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        if (!NetworkExposure.deniesByDefault(cluster)) {
            problems.add("no NetworkPolicy denies ingress by default");
        }
        Set<String> exposed = NetworkExposure.exposed(cluster);
        if (!exposed.equals(Set.of("gateway"))) {
            problems.add("reachable from outside the namespace: " + exposed + "; only the gateway may be");
        }
        for (String service : SERVICES) {
            if (cluster.find(Deployment.class, service).isEmpty() || cluster.find(Service.class, service).isEmpty()
                    || cluster.find(PodDisruptionBudget.class, service).isEmpty()) {
                problems.add(service + ": a Deployment, a Service and a PodDisruptionBudget of that name are expected");
            }
            if (AUTOSCALED.contains(service) != cluster.find(HorizontalPodAutoscaler.class, service).isPresent()) {
                problems.add(service + ": " + (AUTOSCALED.contains(service) ? "needs" : "must not have") + " a HorizontalPodAutoscaler");
            }
            if (Files.isDirectory(Repository.root().resolve(service).resolve("src/main/resources/db/migration"))
                    && cluster.workloads().stream().noneMatch(w -> migrates(w, service))) {
                problems.add(service + ": has Flyway migrations but no Job runs " + MIGRATE_MAIN + " in its image");
            }
        }
        for (Cluster.Workload w : cluster.workloads()) {
            for (Container c : w.containers()) {
                String image = ImageRef.parse(c.getImage()).name();
                if (image.startsWith(IMAGE_PREFIX)) {
                    container(cluster, w, c, image.substring(IMAGE_PREFIX.length()), problems);
                }
            }
        }
        for (ConfigMap map : cluster.all(ConfigMap.class)) {
            map.getData().forEach((key, value) -> addresses(cluster, map, key, value, problems));
            envFromKeys(cluster, map, problems);
        }
        return problems;
    }

    private static boolean migrates(Cluster.Workload w, String service) {
        return "Job".equals(w.kind()) && w.containers().stream().anyMatch(c ->
                ImageRef.parse(c.getImage()).name().equals(IMAGE_PREFIX + service) && c.getCommand().contains(MIGRATE_MAIN));
    }

    private static void container(Cluster cluster, Cluster.Workload w, Container c, String service, List<String> problems) {
        String where = w.kind() + " " + w.name() + " container " + c.getName() + ": ";
        if (!SERVICES.contains(service)) {
            problems.add(where + "image of an unknown service " + service);
            return;
        }
        ServiceSettings settings = ServiceSettings.of(service);
        Set<String> set = new TreeSet<>();
        for (EnvVar env : c.getEnv()) {
            set.add(env.getName());
            if (!settings.reads(env.getName())) {
                problems.add(where + "sets " + env.getName() + ", which " + service + " does not read");
            }
        }
        c.getEnvFrom().stream().filter(f -> f.getConfigMapRef() != null).forEach(f -> set.addAll(
                cluster.find(ConfigMap.class, f.getConfigMapRef().getName()).map(ConfigMap::getData).orElse(Map.of()).keySet()));
        Set<String> required = "Job".equals(w.kind()) ? Set.of("DATABASE_URL", "DATABASE_PASSWORD") : settings.required();
        required.stream().filter(v -> !set.contains(v))
                .forEach(v -> problems.add(where + "does not set " + v + " (its default points at this machine)"));
        if (!"Job".equals(w.kind())) {
            boolean port = c.getPorts().stream().anyMatch(p -> "http".equals(p.getName()) && p.getContainerPort() == settings.port());
            if (!port) {
                problems.add(where + "needs the port http = " + settings.port() + " (server.port of " + service + ")");
            }
            probePath(where + "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness", problems);
            probePath(where + "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness", problems);
        }
    }

    /** A ConfigMap read whole (envFrom) holds only variables that at least one of its readers reads. */
    private static void envFromKeys(Cluster cluster, ConfigMap map, List<String> problems) {
        String name = map.getMetadata().getName();
        Set<String> readers = new TreeSet<>();
        cluster.workloads().forEach(w -> w.containers().stream()
                .filter(c -> c.getEnvFrom().stream().anyMatch(f -> f.getConfigMapRef() != null && name.equals(f.getConfigMapRef().getName())))
                .map(c -> ImageRef.parse(c.getImage()).name())
                .filter(image -> image.startsWith(IMAGE_PREFIX))
                .forEach(image -> readers.add(image.substring(IMAGE_PREFIX.length()))));
        readers.retainAll(SERVICES);
        if (readers.isEmpty()) {
            return;
        }
        List<ServiceSettings> settings = readers.stream().map(ServiceSettings::of).toList();
        map.getData().keySet().stream().filter(k -> settings.stream().noneMatch(s -> s.reads(k)))
                .forEach(k -> problems.add("ConfigMap " + name + ": " + k + " is read by none of " + readers));
    }

    private static void probePath(String where, io.fabric8.kubernetes.api.model.Probe probe, String path, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + " must ask " + path + " (the actuator health group, with probes enabled)");
        }
    }

    /** An address without a domain is a Service of the namespace: it must exist with that port. */
    private static void addresses(Cluster cluster, ConfigMap map, String key, String value, List<String> problems) {
        Matcher m = ADDRESS.matcher(value);
        while (m.find()) {
            String host = m.group(1);
            int port = Integer.parseInt(m.group(2));
            if (host.contains(".") || "localhost".equals(host)) {
                continue;
            }
            boolean served = cluster.find(Service.class, host).map(s -> s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port)).orElse(false);
            if (!served) {
                problems.add("ConfigMap " + map.getMetadata().getName() + " " + key + ": " + host + ":" + port + " is no Service port here");
            }
        }
    }
}
