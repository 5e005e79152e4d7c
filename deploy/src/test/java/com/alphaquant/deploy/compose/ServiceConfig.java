package com.alphaquant.deploy.compose;

import com.alphaquant.config.AlphaConfig;
import com.alphaquant.config.ConfigKey;
import com.alphaquant.config.ConfigSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service's configuration reads from the environment, and the port it listens on.
 *
 * @param service   the service, which is also its module's folder
 * @param variables the environment variables it reads by name: the placeholders of its
 *                  application.yml, the variables of the alpha_config.yaml keys it reads
 *                  (libs/config's schema), and ALPHAQUANT_CONFIG itself
 * @param relaxed   names Spring's relaxed binding maps onto a list property no placeholder names
 * @param portSpec  server.port as written, e.g. {@code ${PORT:8081}}
 * @param probes    whether management.endpoint.health.probes.enabled is true (liveness/readiness groups)
 */
record ServiceConfig(String service, Set<String> variables, Pattern relaxed, String portSpec, boolean probes) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    boolean reads(String variable) {
        return variables.contains(variable) || relaxed.matcher(variable).matches();
    }

    /** The port it listens on given these environment variables: server.port's placeholder, else its default. */
    int port(Map<String, String> environment) {
        Matcher m = PLACEHOLDER.matcher(portSpec);
        String value = m.matches() ? environment.getOrDefault(m.group(1), m.group(2)) : portSpec;
        return Integer.parseInt(value);
    }

    static ServiceConfig read(Path root, String service) {
        String yaml = text(root.resolve(service).resolve("src/main/resources/application.yml"));
        Set<String> variables = new TreeSet<>();
        PLACEHOLDER.matcher(yaml).results().forEach(r -> variables.add(r.group(1)));
        ConfigSchema.keys().stream().filter(k -> readBy(k, service)).forEach(k -> variables.add(k.env()));
        variables.add(AlphaConfig.FILE_ENV);
        Map<String, Object> tree = new Yaml().load(yaml);
        return new ServiceConfig(service, variables, relaxed(root, service), String.valueOf(get(tree, "server.port")),
                Boolean.TRUE.equals(get(tree, "management.endpoint.health.probes.enabled")));
    }

    /** The schema's "read by" is a list such as "backtest-service, cli: backtest" or "gateway (dashboard)". */
    private static boolean readBy(ConfigKey key, String service) {
        return Arrays.stream(key.readBy().split(",")).map(String::trim)
                .anyMatch(reader -> reader.equals(service) || reader.startsWith(service + " "));
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
        String source = text(root.resolve("gateway/src/main/java/com/alphaquant/gateway/GatewayProperties.java"));
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

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
