package com.alphaquant.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' strategic merge patch, the part the overlays use: maps merge key by key, null
 * deletes, and a list of the Kubernetes API merges by its merge key (containers by name,
 * volumeMounts by mountPath...) where it has one, else is replaced. Directives ($patch,
 * $setElementOrder, $retainKeys...) are refused. Custom resources (no schema here) get lists
 * replaced, as Kustomize does without their OpenAPI schema.
 */
final class StrategicMerge {

    /** Merge keys of the core API's lists, by field name (ports: containerPort in pods, port in Services). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "ephemeralContainers", "name", "env", "name",
            "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name", "hostAliases", "ip",
            "topologySpreadConstraints", "topologyKey");

    private StrategicMerge() {
    }

    static void apply(Map<String, Object> target, Map<String, Object> patch) {
        String apiVersion = String.valueOf(target.get("apiVersion"));
        boolean builtIn = !apiVersion.contains("/") || !apiVersion.substring(0, apiVersion.indexOf('/')).contains(".")
                || apiVersion.contains(".k8s.io/");
        merge(target, patch, Kustomize.id(target), builtIn);
    }

    private static void merge(Map<String, Object> target, Map<String, Object> patch, String path, boolean builtIn) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException(path + ": patch directive " + key + " is not supported");
            }
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merge(Yaml.map(current, key), Yaml.map(value, key), path + "." + key, builtIn);
            } else if (value instanceof List<?> items && current instanceof List<?> && builtIn && mergeKey(key, items) != null) {
                mergeList(Yaml.list(current, key), items, mergeKey(key, items), path + "." + key, builtIn);
            } else {
                target.put(key, Yaml.copy(value));
            }
        }
    }

    private static String mergeKey(String field, List<?> items) {
        if ("ports".equals(field)) {
            return items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("containerPort")) ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    /**
     * Patch items merge into the item with the same key (or are new); as kubectl kustomize orders
     * them, the patch's items come first, then the items it did not name.
     */
    private static void mergeList(List<Object> target, List<?> patch, String key, String path, boolean builtIn) {
        List<Object> merged = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> p = Yaml.map(item, path);
            if (p.get(key) == null) {
                throw new IllegalArgumentException(path + ": a patch item without its merge key " + key);
            }
            Map<String, Object> existing = target.stream().map(t -> Yaml.map(t, path))
                    .filter(t -> p.get(key).equals(t.get(key))).findFirst().orElse(null);
            if (existing == null) {
                merged.add(Yaml.copy(p));
            } else {
                target.remove(existing);
                merge(existing, p, path + "[" + key + "=" + p.get(key) + "]", builtIn);
                merged.add(existing);
            }
        }
        merged.addAll(target);
        target.clear();
        target.addAll(merged);
    }
}
