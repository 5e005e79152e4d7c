package com.alphaquant.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where pods hide in the raw tree of each workload kind. */
final class Workloads {

    static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private Workloads() {
    }

    /** spec.template of a workload (spec.jobTemplate.spec.template of a CronJob), or null for other kinds. */
    static Map<String, Object> podTemplate(Map<String, Object> object) {
        Object template = KINDS.contains(object.get("kind")) ? Yaml.at(object, "spec", "template")
                : "CronJob".equals(object.get("kind")) ? Yaml.at(object, "spec", "jobTemplate", "spec", "template") : null;
        return template == null ? null : Yaml.map(template, Kustomize.id(object) + " pod template");
    }

    /** What Kustomize's includeTemplates labels: the pod template, and a StatefulSet's volume claim templates. */
    static List<Map<String, Object>> templates(Map<String, Object> object) {
        List<Map<String, Object>> templates = new ArrayList<>();
        Map<String, Object> pod = podTemplate(object);
        if (pod != null) {
            templates.add(pod);
        }
        Object claims = "StatefulSet".equals(object.get("kind")) ? Yaml.at(object, "spec", "volumeClaimTemplates") : null;
        if (claims != null) {
            Yaml.list(claims, "volumeClaimTemplates").forEach(c -> templates.add(Yaml.map(c, "volumeClaimTemplates")));
        }
        return templates;
    }

    /** The containers and init containers of a workload's pods. */
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        Map<String, Object> template = podTemplate(object);
        List<Map<String, Object>> containers = new ArrayList<>();
        if (template != null) {
            for (String key : List.of("initContainers", "containers")) {
                Object list = Yaml.at(template, "spec", key);
                if (list != null) {
                    Yaml.list(list, key).forEach(c -> containers.add(Yaml.map(c, key)));
                }
            }
        }
        return containers;
    }
}
