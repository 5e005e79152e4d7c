package com.alphaquant.deploy.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The parts of a compose file the checks look at, with {@code ${VAR:-default}} interpolated to its
 * default (what runs when .env leaves the value alone) and {@code ${VAR:?message}} to {@code <VAR>}.
 *
 * @param services  by name, in the file's order
 * @param variables every variable the file interpolates (what .env may set)
 */
record Compose(Map<String, Service> services, Set<String> variables) {

    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}; $$ is a literal $. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /**
     * One service.
     *
     * @param environment    variable → value
     * @param containerPorts the container side of each published port
     * @param healthcheck    the test command as one string; null when there is none
     * @param dependsOn      service → condition (service_started for the short list form)
     */
    record Service(String name, String image, Map<String, String> environment, List<Integer> containerPorts,
                   String healthcheck, Map<String, String> dependsOn) {
    }

    static Compose read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static Compose parse(String yaml) {
        Set<String> variables = new LinkedHashSet<>();
        Map<String, Object> root = new Yaml().load(yaml);
        Map<String, Service> services = new LinkedHashMap<>();
        map(root.get("services")).forEach((name, body) -> services.put(name, service(name, map(body), variables)));
        return new Compose(services, variables);
    }

    private static Service service(String name, Map<String, Object> body, Set<String> variables) {
        Object healthcheck = map(body.get("healthcheck")).get("test");
        return new Service(name, interpolate(body.get("image"), variables), environment(body.get("environment"), variables),
                ports(body.get("ports"), variables), healthcheck == null ? null : interpolate(healthcheck, variables),
                dependsOn(body.get("depends_on")));
    }

    /** Environment as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Object environment, Set<String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : interpolate(entry.substring(eq + 1), variables));
            }
        } else {
            map(environment).forEach((k, v) -> env.put(k, v == null ? "" : interpolate(v, variables)));
        }
        return env;
    }

    /** "8080", "8080:8080", "127.0.0.1:8080:8080", "8080/tcp" or {target: 8080}: the container's side. */
    private static List<Integer> ports(Object ports, Set<String> variables) {
        List<Integer> container = new ArrayList<>();
        if (ports instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> m) {
                    container.add(Integer.parseInt(String.valueOf(m.get("target"))));
                } else {
                    String spec = interpolate(port, variables).replaceAll("/(tcp|udp)$", "");
                    container.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
                }
            }
        }
        return container;
    }

    private static Map<String, String> dependsOn(Object dependsOn) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(target -> conditions.put(String.valueOf(target), "service_started"));
        } else {
            map(dependsOn).forEach((target, spec) -> conditions.put(target, String.valueOf(map(spec).get("condition"))));
        }
        return conditions;
    }

    private static String interpolate(Object value, Set<String> variables) {
        if (value == null) {
            return null;
        }
        String text = value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            variables.add(m.group(1));
            boolean hasDefault = m.group(2) != null && m.group(2).endsWith("-");
            m.appendReplacement(out, Matcher.quoteReplacement(hasDefault ? m.group(3) : "<" + m.group(1) + ">"));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
