package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The renderer agrees with Kustomize itself: every kustomization under k8s/ rendered both ways
 * gives the same objects. Runs where kubectl is on the PATH (kubectl kustomize, no cluster needed);
 * elsewhere it is skipped, unless ALPHAQUANT_KUBECTL=required makes a missing kubectl a failure.
 */
class KubectlParityTest {

    static List<Path> kustomizations() throws IOException {
        try (Stream<Path> files = Files.walk(CheckedRender.K8S)) {
            return files.filter(f -> f.getFileName().toString().equals(Kustomize.FILE)).map(Path::getParent).sorted().toList();
        }
    }

    private static Path kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        boolean required = "required".equals(System.getenv("ALPHAQUANT_KUBECTL"));
        assertThat(required).as("ALPHAQUANT_KUBECTL=required but no kubectl on the PATH").isFalse();
        assumeTrue(false, "kubectl is not installed: the renderer is checked against Kustomize where it is");
        return null;
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        objects.forEach(o -> byId.put(Kustomize.id(o), o));
        return byId;
    }

    /** Where two trees differ, one line per path: kubectl's value, then ours. */
    private static void differences(Object theirs, Object ours, String path, List<String> lines) {
        if (theirs instanceof Map<?, ?> t && ours instanceof Map<?, ?> o) {
            java.util.Set<Object> keys = new java.util.LinkedHashSet<>(t.keySet());
            keys.addAll(o.keySet());
            keys.forEach(k -> differences(t.get(k), o.get(k), path + "." + k, lines));
        } else if (theirs instanceof List<?> t && ours instanceof List<?> o && t.size() == o.size()) {
            for (int i = 0; i < t.size(); i++) {
                differences(t.get(i), o.get(i), path + "[" + i + "]", lines);
            }
        } else if (!java.util.Objects.equals(theirs, ours)) {
            lines.add(path + ": kubectl " + theirs + ", ours " + ours);
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersWhatKubectlKustomizeRenders(Path kustomization) throws Exception {
        Path kubectl = kubectl();
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, Map<String, Object>> theirs = byId(Yaml.documents(output, "kubectl kustomize " + kustomization));
        Map<String, Map<String, Object>> ours = byId(Kustomize.render(kustomization));

        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        List<String> differing = new ArrayList<>();
        theirs.forEach((id, object) -> differences(object, ours.get(id), id, differing));
        assertThat(differing).isEmpty();
        System.out.println("[k8s] " + CheckedRender.K8S.relativize(kustomization) + ": " + ours.size() + " objects, as kubectl kustomize renders them");
    }
}
