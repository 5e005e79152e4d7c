package com.alphaquant.deploy.compose;

import com.alphaquant.deploy.compose.Compose.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a compose file must keep with the services it runs; each broken one is a line naming
 * the service and what is wrong. A platform service is one whose name is a module with an image.
 *
 * @param configs each platform service's configuration, by name
 * @param images  the image names the images profile builds
 */
record ComposeCheck(Map<String, ServiceConfig> configs, List<String> images) {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final Pattern URL = Pattern.compile("https?://([a-z0-9.-]+):(\\d+)(/.*)?");
    /** The port a health check calls on the container itself: localhost:8081, 127.0.0.1:8081, /dev/tcp/127.0.0.1/8081. */
    private static final Pattern LOCAL_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1)[:/](\\d+)");

    /** Every problem of a full platform file: each platform service must be in it. */
    List<String> platform(Compose compose) {
        List<String> problems = new ArrayList<>();
        for (String service : configs.keySet()) {
            Service s = compose.services().get(service);
            if (s == null) {
                problems.add(service + ": not in the file");
            } else if (s.healthcheck() == null) {
                problems.add(service + ": has no health check, so nothing can wait for it to be ready");
            }
        }
        problems.addAll(problems(compose));
        return problems;
    }

    /** Every problem of the services the file has (an override file may hold only some). */
    List<String> problems(Compose compose) {
        List<String> problems = new ArrayList<>();
        for (Service service : compose.services().values()) {
            ServiceConfig config = configs.get(service.name());
            if (config != null) {
                platformService(service, config, compose, problems);
            } else if (service.image() != null && service.image().startsWith("alphaquant/")) {
                problems.add(service.name() + ": runs " + service.image() + " but is no service with an image");
            }
            dependencies(service, compose, problems);
        }
        return problems;
    }

    private void platformService(Service service, ServiceConfig config, Compose compose, List<String> problems) {
        String name = service.name();
        if (service.image() != null && !images.contains(service.image())) {
            problems.add(name + ": image " + service.image() + " is not one the images profile builds " + images);
        }
        int port = config.port(service.environment());
        for (var e : service.environment().entrySet()) {
            if (!config.reads(e.getKey())) {
                problems.add(name + ": sets " + e.getKey() + ", which its configuration never reads");
            }
            url(name, e.getKey(), e.getValue(), compose, problems);
        }
        service.containerPorts().stream().filter(p -> p != port)
                .forEach(p -> problems.add(name + ": publishes container port " + p + " but listens on " + port));
        if (service.healthcheck() != null) {
            Matcher local = LOCAL_PORT.matcher(service.healthcheck());
            if (!local.find() || Integer.parseInt(local.group(1)) != port) {
                problems.add(name + ": health check does not call port " + port + ": " + service.healthcheck());
            } else if (!service.healthcheck().contains("/actuator/health/readiness")) {
                problems.add(name + ": health check does not ask /actuator/health/readiness");
            }
        }
    }

    /** A URL naming a service of the file must use its port; FOO_SERVICE_URL must name foo-service. */
    private void url(String name, String variable, String value, Compose compose, List<String> problems) {
        Matcher m = URL.matcher(value);
        if (variable.endsWith("_SERVICE_URL")) {
            String expected = variable.substring(0, variable.length() - "_URL".length()).toLowerCase(Locale.ROOT).replace('_', '-');
            if (!m.matches() || !m.group(1).equals(expected)) {
                problems.add(name + ": " + variable + "=" + value + " does not point at " + expected);
                return;
            }
        }
        if (m.matches() && configs.containsKey(m.group(1)) && compose.services().containsKey(m.group(1))) {
            Service target = compose.services().get(m.group(1));
            int port = configs.get(target.name()).port(target.environment());
            if (Integer.parseInt(m.group(2)) != port) {
                problems.add(name + ": " + variable + "=" + value + " but " + target.name() + " listens on " + port);
            }
        }
    }

    private static void dependencies(Service service, Compose compose, List<String> problems) {
        service.dependsOn().forEach((target, condition) -> {
            Service dependency = compose.services().get(target);
            if (dependency == null) {
                problems.add(service.name() + ": depends on " + target + ", which the file does not have");
            } else if (!CONDITIONS.contains(condition)) {
                problems.add(service.name() + ": depends on " + target + " with unknown condition " + condition);
            } else if (condition.equals("service_healthy") && dependency.healthcheck() == null) {
                problems.add(service.name() + ": waits for " + target + " to be healthy, but " + target + " has no health check");
            }
        });
    }
}
