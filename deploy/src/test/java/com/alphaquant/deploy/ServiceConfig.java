package com.alphaquant.deploy;

import com.alphaquant.config.AlphaConfig;
import com.alphaquant.config.ConfigKey;
import com.alphaquant.config.ConfigSchema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service reads from its environment, and the port it listens on, from the service's own
 * files; compose and the Kubernetes manifests are both checked against it, so none can drift.
 *
 * @param service      the service, which is also its module's folder
 * @param placeholders each ${VAR:default} of its application.yml and, when it runs on
 *                     service-support, of the defaults every service shares
 *                     (alphaquant-service-defaults.properties), with its default ("" when none)
 * @param variables    every variable it reads by name: the placeholders, the variables of the
 *                     alpha_config.yaml keys it reads (libs/config's schema), those docs/CONFIG.md
 *                     lists as read by it, those every Spring service on a JVM reads, and DJL's
 *                     own where DJL's engine is on its class path
 * @param relaxed      names Spring's relaxed binding maps onto a list property no placeholder names
 * @param portSpec     server.port as written, e.g. {@code ${PORT:8081}}
 * @param probes       whether management.endpoint.health.probes.enabled is true (liveness/readiness groups)
 */
public record ServiceConfig(String service, Map<String, String> placeholders, Set<String> variables, Pattern relaxed,
                            String portSpec, boolean probes) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** A row of CONFIG.md's key tables: | `key` | `VARIABLE` | default | read by | what |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `[^`]+` \\| `([A-Z][A-Z0-9_]*)` \\|(.*)$");
    private static final String SHARED_DEFAULTS = "service-support/src/main/resources/alphaquant-service-defaults.properties";
    /** Read by every service: Spring Boot's JSON properties, the JVM's options, the platform configuration file. */
    private static final Set<String> EVERY_SERVICE = Set.of("SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS", AlphaConfig.FILE_ENV);
    /** DJL's own variables, read by its PyTorch engine (model-service's trainer, factor-service's RL miner). */
    private static final Set<String> DJL = Set.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "OPT_OUT_TRACKING");
    private static final String DJL_ENGINE = "ai.djl.pytorch:pytorch-engine";
    private static final String SERVICE_SUPPORT = "com.alphaquant:service-support";
    /** Set wherever the platform is deployed: unset, any caller gets in, and log lines are plain text. */
    private static final Set<String> DEPLOYED = Set.of("ALPHAQUANT_INTERNAL_TOKEN", "LOG_FORMAT");

    public static ServiceConfig of(String service) {
        return read(Repository.root(), service);
    }

    public static ServiceConfig read(Path root, String service) {
        String yaml = Repository.read(root.resolve(service).resolve("src/main/resources/application.yml"));
        Set<String> dependencies = ModuleDependencies.of(root, service);
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders(yaml, placeholders);
        if (dependencies.contains(SERVICE_SUPPORT)) {
            placeholders(Repository.read(root.resolve(SHARED_DEFAULTS)), placeholders);
        }
        Set<String> variables = new TreeSet<>(placeholders.keySet());
        ConfigSchema.keys().stream().filter(k -> readBy(k, service)).forEach(k -> variables.add(k.env()));
        variables.addAll(documented(root, service));
        variables.addAll(EVERY_SERVICE);
        if (dependencies.contains(DJL_ENGINE)) {
            variables.addAll(DJL);
        }
        Map<String, Object> tree = new Yaml().load(yaml);
        return new ServiceConfig(service, placeholders, variables, relaxed(root, service), String.valueOf(get(tree, "server.port")),
                Boolean.TRUE.equals(get(tree, "management.endpoint.health.probes.enabled")));
    }

    /** Whether the service reads this variable. */
    public boolean reads(String variable) {
        return variables.contains(variable) || relaxed.matcher(variable).matches();
    }

    /** The port it listens on given these environment variables: server.port's placeholder, else its default. */
    public int port(Map<String, String> environment) {
        Matcher m = PLACEHOLDER.matcher(portSpec);
        String value = m.matches() ? environment.getOrDefault(m.group(1), m.group(2)) : portSpec;
        return Integer.parseInt(value);
    }

    /** The port it listens on when the environment does not change it. */
    public int port() {
        return port(Map.of());
    }

    /**
     * What a deployment must set: every variable whose default points at this machine (a database,
     * broker or service that is not there in a cluster), the database password with the URL, and
     * the internal token and the log format where the service reads them.
     */
    public Set<String> required() {
        Set<String> required = new TreeSet<>();
        placeholders.forEach((variable, fallback) -> {
            if (fallback.contains("localhost") || fallback.contains("127.0.0.1")) {
                required.add(variable);
            }
        });
        if (required.contains("DATABASE_URL")) {
            required.add("DATABASE_PASSWORD");
        }
        DEPLOYED.stream().filter(placeholders::containsKey).forEach(required::add);
        return required;
    }

    private static void placeholders(String text, Map<String, String> placeholders) {
        PLACEHOLDER.matcher(text).results().forEach(r -> placeholders.putIfAbsent(r.group(1), r.group(2) == null ? "" : r.group(2)));
    }

    /** The schema's "read by" is a list such as "backtest-service, cli: backtest" or "gateway (dashboard)". */
    private static boolean readBy(ConfigKey key, String service) {
        return Arrays.stream(key.readBy().split(",")).map(String::trim)
                .anyMatch(reader -> reader.equals(service) || reader.startsWith(service + " "));
    }

    /** The variables of docs/CONFIG.md's key tables whose "read by" cell names the service. */
    private static Set<String> documented(Path root, String service) {
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Repository.read(root.resolve("docs/CONFIG.md")));
        while (row.find()) {
            // Cells after the variable: default | read by | what; pipes inside a cell are escaped.
            String[] cells = row.group(2).split("(?<!\\\\)\\|");
            if (cells.length > 2 && cells[1].contains(service)) {
                documented.add(row.group(1));
            }
        }
        return documented;
    }

    /**
     * The gateway's API keys are a list of records (GatewayProperties.ApiKeyProperties), documented
     * in docs/CONFIG.md as ALPHAQUANT_GATEWAY_APIKEYS_0_NAME, _ROLE, _SHA256: Spring binds
     * ALPHAQUANT_GATEWAY_APIKEYS_&lt;i&gt;_&lt;COMPONENT&gt; for each of the record's components, read here
     * from the record itself so that a renamed component shows.
     */
    private static Pattern relaxed(Path root, String service) {
        if (!service.equals("gateway")) {
            return Pattern.compile("(?!)");
        }
        String source = Repository.read(root.resolve("gateway/src/main/java/com/alphaquant/gateway/GatewayProperties.java"));
        Matcher record = Pattern.compile("record ApiKeyProperties\\(([^)]*)\\)").matcher(source);
        if (!record.find()) {
            throw new IllegalStateException("GatewayProperties has no record ApiKeyProperties(...) any more");
        }
        String components = String.join("|", Arrays.stream(record.group(1).split(","))
                .map(c -> c.trim().replaceAll(".*\\s", "").toUpperCase(Locale.ROOT)).toList());
        return Pattern.compile("ALPHAQUANT_GATEWAY_APIKEYS_\\d+_(" + components + ")");
    }

    private static Object get(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return node;
    }
}
