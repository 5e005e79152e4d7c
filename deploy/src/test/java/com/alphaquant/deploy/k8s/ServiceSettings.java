package com.alphaquant.deploy.k8s;

import com.alphaquant.deploy.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, from the service's own files: the ${VAR:default}
 * placeholders of its application.yml (server.port among them) and the variables docs/CONFIG.md
 * lists as read by it. The manifests are checked against these, so neither can drift.
 */
record ServiceSettings(String service, int port, Map<String, String> placeholders, Set<String> documented) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PORT = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*\\$\\{PORT:(\\d+)}");
    /** A row of CONFIG.md's key tables: | `key` | `VARIABLE` | default | read by | what |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `[^`]+` \\| `([A-Z][A-Z0-9_]*)` \\|(.*)$");
    /** Read by every service: Spring Boot's JSON properties, the JVM's options, the platform configuration file. */
    private static final Set<String> EVERY_SERVICE = Set.of("SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS", "ALPHAQUANT_CONFIG");
    /** The gateway's API keys, a list bound by position (docs/CONFIG.md, Secrets). */
    private static final Pattern GATEWAY_API_KEY = Pattern.compile("ALPHAQUANT_GATEWAY_APIKEYS_\\d+_(NAME|ROLE|SHA256|REQUESTS_PER_SECOND|BURST)");
    /** DJL's own variables, read by the PyTorch engine in model-service. */
    private static final Set<String> DJL = Set.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "OPT_OUT_TRACKING");

    static ServiceSettings of(String service) {
        Path root = Repository.root();
        String yml = read(root.resolve(service).resolve("src/main/resources/application.yml"));
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(yml);
        while (m.find()) {
            placeholders.putIfAbsent(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        Matcher port = PORT.matcher(yml);
        if (!port.find()) {
            throw new IllegalStateException(service + "'s application.yml has no server.port: ${PORT:<n>}");
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(read(root.resolve("docs/CONFIG.md")));
        while (row.find()) {
            // Cells after the variable: default | read by | what; pipes inside a cell are escaped.
            String[] cells = row.group(2).split("(?<!\\\\)\\|");
            if (cells.length > 2 && cells[1].contains(service)) {
                documented.add(row.group(1));
            }
        }
        return new ServiceSettings(service, Integer.parseInt(port.group(1)), placeholders, documented);
    }

    /** Whether the service reads this variable. */
    boolean reads(String variable) {
        return placeholders.containsKey(variable) || documented.contains(variable) || EVERY_SERVICE.contains(variable)
                || "gateway".equals(service) && GATEWAY_API_KEY.matcher(variable).matches()
                || "model-service".equals(service) && DJL.contains(variable);
    }

    /**
     * What a deployment must set: every variable whose default points at this machine (a database,
     * broker or service that is not there in a cluster), and the database password with the URL.
     */
    Set<String> required() {
        Set<String> required = new TreeSet<>();
        placeholders.forEach((variable, fallback) -> {
            if (fallback.contains("localhost") || fallback.contains("127.0.0.1")) {
                required.add(variable);
            }
        });
        if (required.contains("DATABASE_URL")) {
            required.add("DATABASE_PASSWORD");
        }
        return required;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
