package com.alphaquant.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** Manifests as plain trees (maps keep their order), read one file of documents at a time. */
final class Yaml {

    private Yaml() {
    }

    /** The file's documents, empty ones left out; each must be a map. */
    static List<Map<String, Object>> documents(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return documents(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> documents(String text, String source) {
        return documents(new java.io.StringReader(text), source);
    }

    private static List<Map<String, Object>> documents(Reader in, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // the API server would take one silently; here it is a mistake
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new org.yaml.snakeyaml.Yaml(options).loadAll(in)) {
            if (doc != null) {
                docs.add(map(doc, source));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + ": expected a map, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(what + ": expected a list, got " + describe(value));
        }
        return (List<Object>) value;
    }

    /** A map's entry as a map, created when missing. */
    static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return map(value, key);
    }

    /** The value at a path of map keys, or null. */
    static Object at(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** A deep copy, so that transformations never share a subtree between objects. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
