package com.alphaquant.deploy.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rendered objects as fabric8's typed Kubernetes models, held to the schema more strictly than
 * the models themselves are: fabric8 keeps an unknown field in additionalProperties and coerces
 * "2" into a number, where the API server refuses both. Every deviation is one problem line naming
 * the object and the field.
 */
final class TypedManifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Quantities (resource amounts) may be written as numbers; every other string field must be a string. */
    private static final Set<String> QUANTITY_PARENTS = Set.of("limits", "requests");
    private static final Set<String> QUANTITY_FIELDS = Set.of("sizeLimit", "averageValue");

    private TypedManifests() {
    }

    /** The typed objects of a render; an object that cannot be typed is left out, with its problem. */
    static List<HasMetadata> typed(List<Map<String, Object>> raw, List<String> problems) {
        List<HasMetadata> typed = new ArrayList<>();
        for (Map<String, Object> object : raw) {
            HasMetadata t = typed(object, problems);
            if (t != null) {
                typed.add(t);
            }
        }
        return typed;
    }

    static HasMetadata typed(Map<String, Object> raw, List<String> problems) {
        String id = Kustomize.id(raw);
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.convertValue(raw, KubernetesResource.class);
        } catch (RuntimeException e) {
            problems.add(id + ": does not fit the schema: " + e.getMessage());
            return null;
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata typed)) {
            problems.add(id + ": " + raw.get("apiVersion") + " " + raw.get("kind") + " is not a kind the Kubernetes model knows");
            return null;
        }
        int before = problems.size();
        unknownFields(typed, id, problems);
        if (problems.size() == before) {
            scalars(raw, SERIALIZATION.convertValue(typed, Map.class), id, "", problems);
        }
        return typed;
    }

    /** Fields the model did not recognise, wherever they are in the tree. */
    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node == null || node.getClass().isEnum() || !node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if ("additionalProperties".equals(field.getName())) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + field.getName(), problems);
                }
            }
        }
    }

    /** The scalars as written against the model's reading of them: a string where a number belongs, or the reverse. */
    private static void scalars(Object raw, Object typed, String path, String key, List<String> problems) {
        if (raw instanceof Map<?, ?> rawMap) {
            Map<?, ?> typedMap = typed instanceof Map<?, ?> m ? m : Map.of();
            rawMap.forEach((k, v) -> {
                Object t = typedMap.get(k);
                if (t == null && !empty(v)) {
                    problems.add(path + "." + k + ": dropped by the model");
                } else if (t != null) {
                    scalars(v, t, path + "." + k, String.valueOf(k), problems);
                }
            });
        } else if (raw instanceof List<?> rawList) {
            List<?> typedList = typed instanceof List<?> l ? l : List.of();
            for (int i = 0; i < rawList.size(); i++) {
                scalars(rawList.get(i), i < typedList.size() ? typedList.get(i) : null, path + "[" + i + "]", key, problems);
            }
        } else if (raw instanceof Date) {
            problems.add(path + ": an unquoted date; quote it (the API wants a string)");
        } else if (raw instanceof String && (typed instanceof Number || typed instanceof Boolean)) {
            problems.add(path + ": \"" + raw + "\" is a string where the schema wants a " + typed.getClass().getSimpleName());
        } else if ((raw instanceof Number || raw instanceof Boolean) && typed instanceof String && !quantity(path, key)) {
            problems.add(path + ": " + raw + " must be a string; quote it");
        }
    }

    private static boolean quantity(String path, String key) {
        String parent = path.substring(0, path.length() - key.length() - 1);
        return QUANTITY_FIELDS.contains(key) || QUANTITY_PARENTS.stream().anyMatch(p -> parent.endsWith("." + p));
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }
}
