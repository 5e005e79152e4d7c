package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The renderer's Kustomize subset, on small kustomizations written for each case. */
class KustomizeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app, labels: {tier: web}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: app}}
              template:
                metadata: {labels: {app: app}}
                spec:
                  containers:
                    - name: app
                      image: registry:5000/team/app:1.0
                      env: [{name: A, value: "1"}, {name: B, value: "2"}]
                      ports: [{name: http, containerPort: 8080}]
                    - name: sidecar
                      image: team/sidecar:2.0
            """;

    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.getParent();
    }

    private static String kustomization(String body) {
        return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + body;
    }

    private void base() throws IOException {
        write("base/app.yaml", DEPLOYMENT);
        write("base/kustomization.yaml", kustomization("resources: [app.yaml]\n"));
    }

    @Test
    void anOverlayPatchesByMergeKeyRenamesImagesScalesLabelsAndSetsTheNamespace() throws IOException {
        base();
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      nodeSelector: {gpu: "true"}
                      containers:
                        - name: app
                          env: [{name: B, value: "20"}, {name: C, value: "3"}]
                          resources: {limits: {nvidia.com/gpu: 1}}
                """);
        Path overlay = write("overlay/kustomization.yaml", kustomization("""
                namespace: prod
                resources: [../base]
                labels:
                  - pairs: {part-of: platform}
                    includeTemplates: true
                replicas: [{name: app, count: 3}]
                images: [{name: registry:5000/team/app, newTag: 1.0-gpu}]
                patches: [{path: patch.yaml}]
                """));

        Map<String, Object> app = Kustomize.render(overlay).get(0);

        assertThat(Yaml.at(app, "metadata", "namespace")).isEqualTo("prod");
        assertThat(Yaml.at(app, "metadata", "labels")).isEqualTo(Map.of("tier", "web", "part-of", "platform"));
        assertThat(Yaml.at(app, "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "app", "part-of", "platform"));
        assertThat(Yaml.at(app, "spec", "selector")).as("selectors untouched").isEqualTo(Map.of("matchLabels", Map.of("app", "app")));
        assertThat(Yaml.at(app, "spec", "replicas")).isEqualTo(3);
        List<Map<String, Object>> containers = Workloads.containers(app);
        assertThat(containers).extracting(c -> c.get("image")).containsExactly("registry:5000/team/app:1.0-gpu", "team/sidecar:2.0");
        assertThat(containers.get(0).get("env")).as("kubectl's order: the patch's items, then the others")
                .isEqualTo(List.of(Map.of("name", "B", "value", "20"), Map.of("name", "C", "value", "3"), Map.of("name", "A", "value", "1")));
        assertThat(containers.get(0).get("ports")).as("lists the patch leaves alone stay").isEqualTo(List.of(Map.of("name", "http", "containerPort", 8080)));
        assertThat(Yaml.at(app, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("gpu", "true"));
    }

    @Test
    void aNullInAPatchDeletesAndAListWithoutMergeKeyIsReplaced() throws IOException {
        base();
        Path overlay = write("overlay/kustomization.yaml", kustomization("""
                resources: [../base]
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: app, labels: {tier: null}}
                      spec:
                        template:
                          spec:
                            containers:
                              - name: app
                                args: [--b]
                """));
        write("base/app.yaml", DEPLOYMENT.replace("image: registry:5000/team/app:1.0", "image: registry:5000/team/app:1.0\n          args: [--a, --c]"));

        Map<String, Object> app = Kustomize.render(overlay).get(0);

        assertThat(Yaml.at(app, "metadata", "labels")).isEqualTo(Map.of());
        assertThat(Workloads.containers(app).get(0).get("args")).isEqualTo(List.of("--b"));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a field outside the subset", "resources: [../base]\nconfigMapGenerator: [{name: x, literals: [a=b]}]\n",
                        "fields [configMapGenerator] are not supported"),
                Arguments.of("labels on selectors", "resources: [../base]\nlabels: [{pairs: {a: b}, includeSelectors: true}]\n",
                        "not [includeSelectors]"),
                Arguments.of("a patch with a target", "resources: [../base]\npatches: [{path: p.yaml, target: {kind: Deployment}}]\n",
                        "not supported: [target]"),
                Arguments.of("a patch directive", """
                        resources: [../base]
                        patches:
                          - patch: |
                              apiVersion: apps/v1
                              kind: Deployment
                              metadata: {name: app}
                              spec: {template: {spec: {containers: [{name: app, $patch: delete}]}}}
                        """, "patch directive $patch is not supported"),
                // What Kustomize refuses too, or would silently ignore.
                Arguments.of("a file outside the folder", "resources: [../outside.yaml]\n", "is not a folder or a file inside"),
                Arguments.of("an object twice", "resources: [../base, app.yaml]\n", "apps/Deployment/~/app is defined twice"),
                Arguments.of("a patch of nothing", "resources: [../base]\npatches: [{patch: '{apiVersion: apps/v1, kind: Deployment, "
                        + "metadata: {name: other}}'}]\n", "matches no resource"),
                Arguments.of("an image no container has", "resources: [../base]\nimages: [{name: team/ap, newTag: x}]\n",
                        "images entry team/ap matches no container"),
                Arguments.of("replicas of nothing", "resources: [../base]\nreplicas: [{name: ap, count: 2}]\n",
                        "replicas for ap match no workload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefused(String what, String kustomization, String message) throws IOException {
        base();
        write("outside.yaml", DEPLOYMENT);
        write("overlay/app.yaml", DEPLOYMENT);
        Path dir = write("overlay/kustomization.yaml", kustomization(kustomization));

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining(message);
    }

    @Test
    void imageReferencesKeepRegistryPortsAndDigests() {
        assertThat(ImageRef.parse("registry:5000/team/app")).isEqualTo(new ImageRef("registry:5000/team/app", null, null));
        assertThat(ImageRef.parse("postgres:17.7@sha256:ab")).isEqualTo(new ImageRef("postgres", "17.7", "sha256:ab"));
        assertThat(ImageRef.parse("postgres:17.7").transform(Map.of("name", "postgres", "digest", "sha256:cd"))).isEqualTo("postgres@sha256:cd");
        assertThat(ImageRef.parse("a/b:1").transform(Map.of("name", "a/b", "newName", "r.io/a/b"))).isEqualTo("r.io/a/b:1");
    }
}
