package com.alphaquant.deploy.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One render's typed objects, with the lookups the rules need: by kind and name, and pods by label selector. */
record Cluster(List<HasMetadata> objects) {

    /** A Deployment, StatefulSet or Job with its pod template. */
    record Workload(HasMetadata object, PodTemplateSpec template) {

        String name() {
            return object.getMetadata().getName();
        }

        String kind() {
            return object.getKind();
        }

        Map<String, String> podLabels() {
            Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        /** Whether a container of the pod declares this port, by name or by number. */
        boolean declaresPort(String nameOrNumber) {
            return containers().stream().flatMap(c -> c.getPorts().stream())
                    .anyMatch(p -> nameOrNumber.equals(p.getName()) || nameOrNumber.equals(String.valueOf(p.getContainerPort())));
        }
    }

    List<Workload> workloads() {
        return objects.stream().map(Cluster::workload).flatMap(Optional::stream).toList();
    }

    private static Optional<Workload> workload(HasMetadata o) {
        if (o instanceof Deployment d) {
            return Optional.of(new Workload(o, d.getSpec().getTemplate()));
        }
        if (o instanceof StatefulSet s) {
            return Optional.of(new Workload(o, s.getSpec().getTemplate()));
        }
        if (o instanceof Job j) {
            return Optional.of(new Workload(o, j.getSpec().getTemplate()));
        }
        return Optional.empty();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The workloads whose pods a selector picks; an empty selector picks all. */
    List<Workload> selected(LabelSelector selector) {
        return workloads().stream().filter(w -> matches(selector, w.podLabels())).toList();
    }

    List<Workload> selected(Map<String, String> matchLabels) {
        return selected(new LabelSelector(List.of(), matchLabels));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return expressions.stream().allMatch(r -> matches(r, labels));
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        return switch (r.getOperator()) {
            case "In" -> value != null && r.getValues().contains(value);
            case "NotIn" -> value == null || !r.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("label selector operator " + r.getOperator());
        };
    }
}
