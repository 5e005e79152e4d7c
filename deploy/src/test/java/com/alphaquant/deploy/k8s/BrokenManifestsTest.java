package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks catch what they are for: each case breaks one thing in the dev render and expects it reported. */
class BrokenManifestsTest {

    private static Map<String, Object> object(List<Map<String, Object>> render, String kind, String name) {
        return render.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(Yaml.at(o, "metadata", "name")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> container(List<Map<String, Object>> render, String deployment) {
        return Workloads.containers(object(render, "Deployment", deployment)).get(0);
    }

    private static Arguments broken(String what, Consumer<List<Map<String, Object>>> breakIt, String reported) {
        return Arguments.of(what, breakIt, reported);
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                broken("a misspelt field", r -> Yaml.child(object(r, "Deployment", "factor-service"), "spec").put("replica", 2),
                        "unknown field(s) [replica]"),
                broken("a number written as a string", r -> Yaml.child(object(r, "HorizontalPodAutoscaler", "factor-service"), "spec")
                        .put("maxReplicas", "6"), "\"6\" is a string where the schema wants a Integer"),
                broken("an unquoted number in a ConfigMap", r -> Yaml.child(object(r, "ConfigMap", "alphaquant-common"), "data")
                        .put("REDIS_PORT", 6379), "REDIS_PORT: 6379 must be a string"),
                broken("a kind that does not exist", r -> object(r, "Deployment", "gateway").put("apiVersion", "apps/v2"),
                        "apps/v2 Deployment is not a kind the Kubernetes model knows"),
                broken("no readiness probe", r -> container(r, "strategy-service").remove("readinessProbe"),
                        "Deployment strategy-service: container strategy-service: readinessProbe is missing"),
                broken("no memory limit", r -> Yaml.child(Yaml.child(container(r, "backtest-service"), "resources"), "limits").remove("memory"),
                        "Deployment backtest-service: container backtest-service: resources.limits.memory is missing"),
                broken("a root pod", r -> Yaml.map(Yaml.at(object(r, "Deployment", "data-service"), "spec", "template", "spec", "securityContext"),
                        "securityContext").remove("runAsNonRoot"), "Deployment data-service: container data-service: runAsNonRoot is not set"),
                broken("a Service selecting nothing", r -> Yaml.child(Yaml.child(object(r, "Service", "model-service"), "spec"), "selector")
                        .put("app.kubernetes.io/name", "model-servce"), "Service model-service: selector"),
                broken("an autoscaler without its Deployment", r -> Yaml.child(Yaml.child(object(r, "HorizontalPodAutoscaler", "backtest-service"),
                        "spec"), "scaleTargetRef").put("name", "backtest"), "scales Deployment backtest, which does not exist"),
                broken("a data-service open to all", r -> ((Map<?, ?>) Yaml.list(Yaml.at(object(r, "NetworkPolicy", "data-service-from-callers"),
                        "spec", "ingress"), "ingress").get(0)).remove("from"),
                        "reachable from outside the namespace: [data-service, gateway]"),
                broken("no default deny", r -> r.remove(object(r, "NetworkPolicy", "default-deny-ingress")),
                        "no NetworkPolicy denies ingress by default"),
                broken("a secret key ops do not create", r -> Yaml.map(Yaml.at(Yaml.map(Yaml.list(container(r, "gateway").get("env"), "env").get(0),
                        "env"), "valueFrom", "secretKeyRef"), "ref").put("key", "session-secret"), "key session-secret is not among"),
                broken("a Secret in the repository", r -> r.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                        "metadata", Map.of("name", "leak", "namespace", "alphaquant-dev"), "stringData", Map.of("token", "x")))),
                        "Secrets [leak] are in the manifests"),
                broken("a variable the service does not read", r -> Yaml.list(container(r, "factor-service").computeIfAbsent("env",
                        k -> new java.util.ArrayList<>()), "env").add(new LinkedHashMap<>(Map.of("name", "KAFKA_BOOTSTRAP_SERVER", "value", "kafka:9092"))),
                        "sets KAFKA_BOOTSTRAP_SERVER, which factor-service does not read"),
                broken("a service address nothing serves", r -> Yaml.child(object(r, "ConfigMap", "alphaquant-common"), "data")
                        .put("DATA_SERVICE_URL", "http://data-service:8080"), "DATA_SERVICE_URL: data-service:8080 is no Service port here"),
                broken("the wrong port", r -> Yaml.map(Yaml.list(container(r, "data-service").get("ports"), "ports").get(0), "port")
                        .put("containerPort", 8080), "needs the port http = 8081"),
                broken("a missing migration Job", r -> r.remove(object(r, "Job", "migrate-strategy-service")),
                        "strategy-service: has Flyway migrations but no Job runs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void isReported(String what, Consumer<List<Map<String, Object>>> breakIt, String reported) {
        List<Map<String, Object>> render = Kustomize.render(CheckedRender.K8S.resolve("overlays/dev"));
        assertThat(CheckedRender.of(render).problems()).as("the intact render").isEmpty();

        breakIt.accept(render);

        List<String> problems = CheckedRender.of(render).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(reported));
        System.out.println("[k8s] " + what + ": " + problems.stream().filter(p -> p.contains(reported)).findFirst().orElseThrow());
    }
}
