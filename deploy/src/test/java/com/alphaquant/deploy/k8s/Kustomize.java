package com.alphaquant.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize the
 * repository's k8s/ uses: {@code resources} (files below the kustomization, or directories with
 * their own), {@code patches} (strategic merge, from a file or inline), {@code namespace},
 * {@code labels}, {@code replicas} and {@code images}, applied in Kustomize's order. Any other
 * field, or an option of these it does not implement, is an error rather than silently ignored,
 * so the repository cannot drift outside what is checked. {@link KubectlParityTest} compares the
 * output with kubectl's where kubectl is installed.
 */
final class Kustomize {

    static final String FILE = "kustomization.yaml";
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images",
            "replicas", "patches");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    /** The objects the kustomization in {@code dir} produces, in the order their resources list them. */
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": no " + FILE);
        }
        List<Map<String, Object>> docs = Yaml.documents(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": one document expected, got " + docs.size());
        }
        Map<String, Object> k = docs.get(0);
        Set<String> unknown = new TreeSet<>(k.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": fields " + unknown + " are not supported by this renderer; "
                    + "supported: " + new TreeSet<>(FIELDS));
        }
        if (!"Kustomization".equals(k.get("kind")) || !"kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion"))) {
            throw new IllegalArgumentException(file + ": expected apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization");
        }
        List<Map<String, Object>> objects = resources(dir, k.get("resources"), file);
        patches(dir, k.get("patches"), objects, file);
        if (k.get("namespace") != null) {
            namespace(String.valueOf(k.get("namespace")), objects);
        }
        labels(k.get("labels"), objects, file);
        replicas(k.get("replicas"), objects, file);
        images(k.get("images"), objects, file);
        return objects;
    }

    /** group/kind/namespace/name, what Kustomize identifies a resource by. */
    static String id(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        Object namespace = Yaml.at(object, "metadata", "namespace");
        return group + "/" + object.get("kind") + "/" + (namespace == null ? "~" : namespace) + "/" + Yaml.at(object, "metadata", "name");
    }

    private static List<Map<String, Object>> resources(Path dir, Object entries, Path file) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Object entry : entries == null ? List.of() : Yaml.list(entries, file + " resources")) {
            String ref = String.valueOf(entry);
            if (ref.contains("://") || ref.startsWith("github.com/")) {
                throw new IllegalArgumentException(file + ": remote resource " + ref + " is not supported");
            }
            Path path = dir.resolve(ref).normalize();
            List<Map<String, Object>> loaded;
            if (Files.isDirectory(path)) {
                loaded = render(path);
            } else if (path.startsWith(dir.normalize()) && Files.isRegularFile(path)) {
                loaded = Yaml.documents(path);
            } else {
                // Kustomize's load restrictor: a file outside the kustomization's folder is refused.
                throw new IllegalArgumentException(file + ": resource " + ref + " is not a folder or a file inside " + dir);
            }
            for (Map<String, Object> object : loaded) {
                if (object.get("apiVersion") == null || object.get("kind") == null || Yaml.at(object, "metadata", "name") == null) {
                    throw new IllegalArgumentException(path + ": an object without apiVersion, kind or metadata.name");
                }
                if (byId.put(id(object), object) != null) {
                    throw new IllegalArgumentException(file + ": " + id(object) + " is defined twice");
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static void patches(Path dir, Object entries, List<Map<String, Object>> objects, Path file) {
        for (Object entry : entries == null ? List.of() : Yaml.list(entries, file + " patches")) {
            Map<String, Object> p = Yaml.map(entry, file + " patches");
            Set<String> options = new TreeSet<>(p.keySet());
            options.removeAll(Set.of("path", "patch"));
            if (!options.isEmpty() || p.containsKey("path") == p.containsKey("patch")) {
                throw new IllegalArgumentException(file + ": a patch takes path or patch (strategic merge, naming its "
                        + "target in its own apiVersion, kind and metadata); not supported: " + options);
            }
            List<Map<String, Object>> docs = p.containsKey("path")
                    ? Yaml.documents(dir.resolve(String.valueOf(p.get("path"))))
                    : Yaml.documents(String.valueOf(p.get("patch")), file + " inline patch");
            for (Map<String, Object> patch : docs) {
                Map<String, Object> target = objects.stream().filter(o -> sameTarget(o, patch)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(file + ": patch " + id(patch) + " matches no resource"));
                StrategicMerge.apply(target, patch);
            }
        }
    }

    private static boolean sameTarget(Map<String, Object> object, Map<String, Object> patch) {
        Object ns = Yaml.at(patch, "metadata", "namespace");
        return object.get("kind").equals(patch.get("kind"))
                && group(object).equals(group(patch))
                && Yaml.at(object, "metadata", "name").equals(Yaml.at(patch, "metadata", "name"))
                && (ns == null || ns.equals(Yaml.at(object, "metadata", "namespace")));
    }

    private static String group(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static void namespace(String namespace, List<Map<String, Object>> objects) {
        for (Map<String, Object> object : objects) {
            if (CLUSTER_SCOPED.contains(object.get("kind"))) {
                throw new IllegalArgumentException(id(object) + ": cluster-scoped objects are not supported with namespace");
            }
            Yaml.child(object, "metadata").put("namespace", namespace);
        }
    }

    private static void labels(Object entries, List<Map<String, Object>> objects, Path file) {
        for (Object entry : entries == null ? List.of() : Yaml.list(entries, file + " labels")) {
            Map<String, Object> l = Yaml.map(entry, file + " labels");
            Set<String> options = new TreeSet<>(l.keySet());
            options.removeAll(Set.of("pairs", "includeTemplates"));
            if (!options.isEmpty()) {
                // includeSelectors would rewrite selectors, which are immutable on a live Deployment.
                throw new IllegalArgumentException(file + ": labels supports pairs and includeTemplates; not " + options);
            }
            Map<String, Object> pairs = Yaml.map(l.get("pairs"), file + " labels.pairs");
            boolean templates = Boolean.TRUE.equals(l.get("includeTemplates"));
            for (Map<String, Object> object : objects) {
                Yaml.child(Yaml.child(object, "metadata"), "labels").putAll(pairs);
                if (templates) {
                    Workloads.templates(object).forEach(t -> Yaml.child(Yaml.child(t, "metadata"), "labels").putAll(pairs));
                }
            }
        }
    }

    private static void replicas(Object entries, List<Map<String, Object>> objects, Path file) {
        for (Object entry : entries == null ? List.of() : Yaml.list(entries, file + " replicas")) {
            Map<String, Object> r = Yaml.map(entry, file + " replicas");
            if (!Set.of("name", "count").equals(r.keySet()) || !(r.get("count") instanceof Integer)) {
                throw new IllegalArgumentException(file + ": a replicas entry is name and count (a whole number): " + r);
            }
            List<Map<String, Object>> matched = objects.stream()
                    .filter(o -> SCALABLE.contains(o.get("kind")) && r.get("name").equals(Yaml.at(o, "metadata", "name"))).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(file + ": replicas for " + r.get("name") + " match no workload");
            }
            matched.forEach(o -> Yaml.child(o, "spec").put("replicas", r.get("count")));
        }
    }

    private static void images(Object entries, List<Map<String, Object>> objects, Path file) {
        for (Object entry : entries == null ? List.of() : Yaml.list(entries, file + " images")) {
            Map<String, Object> image = Yaml.map(entry, file + " images");
            Set<String> options = new TreeSet<>(image.keySet());
            options.removeAll(Set.of("name", "newName", "newTag", "digest"));
            if (!options.isEmpty() || image.get("name") == null) {
                throw new IllegalArgumentException(file + ": an images entry is name with newName, newTag or digest: " + image);
            }
            int changed = 0;
            for (Map<String, Object> object : objects) {
                for (Map<String, Object> container : Workloads.containers(object)) {
                    String replaced = ImageRef.parse(String.valueOf(container.get("image"))).transform(image);
                    if (replaced != null) {
                        container.put("image", replaced);
                        changed++;
                    }
                }
            }
            if (changed == 0) {
                throw new IllegalArgumentException(file + ": images entry " + image.get("name") + " matches no container");
            }
        }
    }
}
