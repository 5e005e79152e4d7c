package com.alphaquant.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Checks any Kubernetes render must pass beyond its schema: pods that are safe and sized, with
 * probes; selectors, targets and references that resolve within the render; no Secret object.
 * Secrets are only referenced: each reference must name a Secret in {@code externalSecrets}
 * (created by ops) and, where keys are known, one of its keys.
 */
final class ManifestRules {

    private ManifestRules() {
    }

    /** One problem line per failed check, naming the object. */
    static List<String> check(Cluster cluster, Map<String, Set<String>> externalSecrets) {
        List<String> problems = new ArrayList<>();
        if (!cluster.all(Secret.class).isEmpty()) {
            problems.add("Secrets " + cluster.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList()
                    + " are in the manifests: secrets are created by ops, never kept in the repository");
        }
        for (Cluster.Workload w : cluster.workloads()) {
            pod(cluster, w, externalSecrets, p -> problems.add(w.kind() + " " + w.name() + ": " + p));
        }
        cluster.all(Deployment.class).forEach(d -> selects(d, d.getSpec().getSelector().getMatchLabels(),
                d.getSpec().getTemplate().getMetadata().getLabels(), problems));
        cluster.all(StatefulSet.class).forEach(s -> {
            selects(s, s.getSpec().getSelector().getMatchLabels(), s.getSpec().getTemplate().getMetadata().getLabels(), problems);
            if (cluster.find(Service.class, s.getSpec().getServiceName()).isEmpty()) {
                problems.add("StatefulSet " + s.getMetadata().getName() + ": serviceName " + s.getSpec().getServiceName() + " is no Service");
            }
        });
        cluster.all(Service.class).forEach(s -> service(cluster, s, problems));
        cluster.all(HorizontalPodAutoscaler.class).forEach(h -> autoscaler(cluster, h, problems));
        cluster.all(PodDisruptionBudget.class).forEach(p -> {
            if (cluster.selected(p.getSpec().getSelector()).isEmpty() || NetworkExposure.empty(p.getSpec().getSelector())) {
                problems.add("PodDisruptionBudget " + p.getMetadata().getName() + ": selects no workload");
            }
        });
        cluster.all(Ingress.class).forEach(i -> ingress(cluster, i, externalSecrets, problems));
        cluster.all(NetworkPolicy.class).forEach(n -> networkPolicy(cluster, n, problems));
        return problems;
    }

    private static void selects(HasMetadata owner, Map<String, String> selector, Map<String, String> podLabels, List<String> problems) {
        if (selector == null || selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            problems.add(owner.getKind() + " " + owner.getMetadata().getName() + ": selector " + selector
                    + " does not select its own pods " + podLabels);
        }
    }

    private static void pod(Cluster cluster, Cluster.Workload w, Map<String, Set<String>> secrets, Consumer<String> problem) {
        PodSpec spec = w.template().getSpec();
        PodSecurityContext pod = spec.getSecurityContext();
        boolean podNonRoot = pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
        if (pod != null && Long.valueOf(0).equals(pod.getRunAsUser())) {
            problem.accept("runs as user 0");
        }
        if (!Boolean.FALSE.equals(spec.getEnableServiceLinks())) {
            problem.accept("enableServiceLinks must be false (service links put REDIS_PORT=tcp://... and KAFKA_* into the environment)");
        }
        List<String> volumeNames = new ArrayList<>(spec.getVolumes().stream().map(Volume::getName).toList());
        if (w.object() instanceof StatefulSet s) {
            s.getSpec().getVolumeClaimTemplates().forEach(c -> volumeNames.add(c.getMetadata().getName()));
        }
        boolean serves = !"Job".equals(w.kind());
        for (Container c : Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList()) {
            Consumer<String> cp = p -> problem.accept("container " + c.getName() + ": " + p);
            container(c, podNonRoot, serves && spec.getContainers().contains(c), w, cp);
            c.getVolumeMounts().stream().filter(m -> !volumeNames.contains(m.getName()))
                    .forEach(m -> cp.accept("mounts volume " + m.getName() + ", which the pod does not have"));
            references(cluster, c, secrets, cp);
        }
        for (Volume v : spec.getVolumes()) {
            if (v.getConfigMap() != null && cluster.find(ConfigMap.class, v.getConfigMap().getName()).isEmpty()) {
                problem.accept("volume " + v.getName() + ": ConfigMap " + v.getConfigMap().getName() + " does not exist");
            }
            if (v.getPersistentVolumeClaim() != null
                    && cluster.find(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                problem.accept("volume " + v.getName() + ": PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName() + " does not exist");
            }
            if (v.getSecret() != null && !secrets.containsKey(v.getSecret().getSecretName())) {
                problem.accept("volume " + v.getName() + ": Secret " + v.getSecret().getSecretName() + " is not one ops create " + secrets.keySet());
            }
        }
    }

    private static void container(Container c, boolean podNonRoot, boolean serves, Cluster.Workload w, Consumer<String> problem) {
        ImageRef image = ImageRef.parse(Objects.requireNonNullElse(c.getImage(), ""));
        if (image.name().isEmpty() || image.tag() == null && image.digest() == null || "latest".equals(image.tag())) {
            problem.accept("image " + c.getImage() + " must name a tag or digest other than latest");
        }
        var security = c.getSecurityContext();
        if (!podNonRoot && (security == null || !Boolean.TRUE.equals(security.getRunAsNonRoot()))) {
            problem.accept("runAsNonRoot is not set (pod or container)");
        }
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problem.accept("allowPrivilegeEscalation must be false");
        }
        var resources = c.getResources();
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> amounts = resources == null ? null
                    : "requests".equals(kind) ? resources.getRequests() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (amounts == null || !amounts.containsKey(resource)) {
                    problem.accept("resources." + kind + "." + resource + " is missing");
                }
            }
        }
        if (serves) {
            probe("livenessProbe", c.getLivenessProbe(), w, problem);
            probe("readinessProbe", c.getReadinessProbe(), w, problem);
        }
        if (c.getStartupProbe() != null) {
            probe("startupProbe", c.getStartupProbe(), w, problem);
        }
    }

    private static void probe(String which, Probe probe, Cluster.Workload w, Consumer<String> problem) {
        if (probe == null) {
            problem.accept(which + " is missing");
            return;
        }
        IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
        if (port != null && !w.declaresPort(text(port))) {
            problem.accept(which + " checks port " + text(port) + ", which no container declares");
        }
    }

    private static void references(Cluster cluster, Container c, Map<String, Set<String>> secrets, Consumer<String> problem) {
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null && cluster.find(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                problem.accept("envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
            }
            if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                problem.accept("envFrom Secret " + from.getSecretRef().getName() + " is not one ops create " + secrets.keySet());
            }
        }
        for (EnvVar env : c.getEnv()) {
            var from = env.getValueFrom();
            if (from != null && from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                var map = cluster.find(ConfigMap.class, ref.getName());
                if (map.isEmpty() || !map.get().getData().containsKey(ref.getKey())) {
                    problem.accept("env " + env.getName() + ": ConfigMap " + ref.getName() + " has no key " + ref.getKey());
                }
            }
            if (from != null && from.getSecretKeyRef() != null) {
                var ref = from.getSecretKeyRef();
                Set<String> keys = secrets.get(ref.getName());
                if (keys == null || !keys.isEmpty() && !keys.contains(ref.getKey())) {
                    problem.accept("env " + env.getName() + ": Secret " + ref.getName() + " key " + ref.getKey()
                            + " is not among the secrets ops create " + secrets);
                }
            }
            if (env.getValue() == null && from == null) {
                problem.accept("env " + env.getName() + " has neither value nor valueFrom");
            }
        }
    }

    private static void service(Cluster cluster, Service s, List<String> problems) {
        String name = "Service " + s.getMetadata().getName();
        Map<String, String> selector = s.getSpec().getSelector();
        List<Cluster.Workload> pods = selector == null || selector.isEmpty() ? List.of() : cluster.selected(selector);
        if (pods.isEmpty()) {
            problems.add(name + ": selector " + selector + " selects no workload");
        }
        for (ServicePort port : s.getSpec().getPorts()) {
            String target = port.getTargetPort() == null ? String.valueOf(port.getPort()) : text(port.getTargetPort());
            pods.stream().filter(w -> !w.declaresPort(target))
                    .forEach(w -> problems.add(name + ": port " + port.getName() + " targets " + target + ", which " + w.name() + " does not declare"));
        }
    }

    private static void autoscaler(Cluster cluster, HorizontalPodAutoscaler h, List<String> problems) {
        String name = "HorizontalPodAutoscaler " + h.getMetadata().getName();
        var ref = h.getSpec().getScaleTargetRef();
        var target = cluster.workload(ref.getName()).filter(w -> w.kind().equals(ref.getKind()));
        if (target.isEmpty()) {
            problems.add(name + ": scales " + ref.getKind() + " " + ref.getName() + ", which does not exist");
        } else if (target.get().object() instanceof Deployment d && d.getSpec().getReplicas() != null) {
            problems.add(name + ": Deployment " + ref.getName() + " sets replicas, which every apply would reset under the autoscaler");
        }
        int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
        if (min < 1 || min > h.getSpec().getMaxReplicas()) {
            problems.add(name + ": minReplicas " + min + " and maxReplicas " + h.getSpec().getMaxReplicas() + " are no range");
        }
        if (h.getSpec().getMetrics().isEmpty()) {
            problems.add(name + ": no metrics to scale on");
        }
    }

    private static void ingress(Cluster cluster, Ingress i, Map<String, Set<String>> secrets, List<String> problems) {
        String name = "Ingress " + i.getMetadata().getName();
        List<IngressServiceBackend> backends = new ArrayList<>();
        i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> backends.add(p.getBackend().getService())));
        if (i.getSpec().getDefaultBackend() != null) {
            backends.add(i.getSpec().getDefaultBackend().getService());
        }
        for (IngressServiceBackend b : backends) {
            var service = cluster.find(Service.class, b.getName());
            boolean port = service.isPresent() && service.get().getSpec().getPorts().stream().anyMatch(p ->
                    Objects.equals(p.getName(), b.getPort().getName()) || Objects.equals(p.getPort(), b.getPort().getNumber()));
            if (!port) {
                problems.add(name + ": backend " + b.getName() + ":" + b.getPort() + " is no Service port");
            }
        }
        i.getSpec().getTls().stream().filter(t -> !secrets.containsKey(t.getSecretName()))
                .forEach(t -> problems.add(name + ": TLS Secret " + t.getSecretName() + " is not one ops create " + secrets.keySet()));
    }

    private static void networkPolicy(Cluster cluster, NetworkPolicy n, List<String> problems) {
        String name = "NetworkPolicy " + n.getMetadata().getName();
        var podSelector = n.getSpec().getPodSelector();
        if (!NetworkExposure.empty(podSelector) && cluster.selected(podSelector).isEmpty()) {
            problems.add(name + ": podSelector selects no workload");
        }
        for (var rule : n.getSpec().getIngress()) {
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                var selector = peer.getPodSelector();
                if (peer.getNamespaceSelector() == null && selector != null) {
                    selector.getMatchExpressions().stream().filter(e -> "In".equals(e.getOperator()))
                            .forEach(e -> e.getValues().stream()
                                    .filter(v -> cluster.workloads().stream().noneMatch(w -> v.equals(w.podLabels().get(e.getKey()))))
                                    .forEach(v -> problems.add(name + ": admits " + e.getKey() + "=" + v + ", which no workload has")));
                    if (cluster.selected(selector).isEmpty()) {
                        problems.add(name + ": a source selects no workload");
                    }
                }
            }
            List<Cluster.Workload> targets = cluster.selected(podSelector);
            for (var port : rule.getPorts()) {
                if (port.getPort() != null && targets.stream().noneMatch(w -> w.declaresPort(text(port.getPort())))) {
                    problems.add(name + ": port " + text(port.getPort()) + " is declared by none of the pods it protects");
                }
            }
        }
    }

    static String text(IntOrString value) {
        return value.getStrVal() != null ? value.getStrVal() : String.valueOf(value.getIntVal());
    }
}
