package com.alphaquant.deploy.k8s;

import com.alphaquant.deploy.Repository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A platform overlay rendered and put through every check: the typed objects and the problems found. */
record CheckedRender(Cluster cluster, List<String> problems) {

    static final Path K8S = Repository.root().resolve("k8s");

    static CheckedRender of(Path kustomization) {
        return of(Kustomize.render(kustomization));
    }

    static CheckedRender of(List<Map<String, Object>> raw) {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> typed = TypedManifests.typed(raw, problems);
        Cluster cluster = new Cluster(typed);
        problems.addAll(ManifestRules.check(cluster, externalSecrets()));
        problems.addAll(PlatformRules.check(cluster));
        return new CheckedRender(cluster, problems);
    }

    /** The overlays under k8s/overlays: every one of them is checked. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(Kustomize.FILE))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Secrets ops create, with their keys: base/secret.example.yaml (kept out of every
     * kustomization) lists alphaquant-secrets' keys; the Ingress' TLS certificate has the usual two.
     */
    static Map<String, Set<String>> externalSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Map<String, Object> secret : Yaml.documents(K8S.resolve("base/secret.example.yaml"))) {
            secrets.put(String.valueOf(Yaml.at(secret, "metadata", "name")),
                    new TreeSet<>(Yaml.map(secret.get("stringData"), "stringData").keySet()));
        }
        secrets.put("alphaquant-tls", Set.of());
        return secrets;
    }

    /** Objects by kind, for the test's log: {Deployment=6, Service=9, ...}. */
    String summary() {
        return new TreeMap<>(cluster.objects().stream().collect(Collectors.groupingBy(HasMetadata::getKind, Collectors.counting())))
                .toString();
    }
}
