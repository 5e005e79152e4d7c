package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay under k8s/overlays renders, fits the Kubernetes schema and passes the platform's rules. */
class K8sManifestsTest {

    static List<Path> overlays() {
        return CheckedRender.overlays();
    }

    @Test
    void bothOverlaysExist() {
        assertThat(overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "prod-gpu");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectOfTheOverlayIsValid(Path overlay) {
        CheckedRender render = CheckedRender.of(overlay);

        System.out.println("[k8s] " + CheckedRender.K8S.relativize(overlay) + ": " + render.cluster().objects().size()
                + " objects " + render.summary() + ", " + render.problems().size() + " problems");
        assertThat(render.problems()).isEmpty();
        Set<String> namespaces = render.cluster().objects().stream().map(o -> String.valueOf(o.getMetadata().getNamespace()))
                .collect(Collectors.toSet());
        assertThat(namespaces).as("one namespace, set by the overlay").hasSize(1).doesNotContain("null");
    }

    @Test
    void devRunsPostgresRedisAndKafkaInTheCluster() {
        Cluster dev = CheckedRender.of(CheckedRender.K8S.resolve("overlays/dev")).cluster();

        assertThat(dev.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("postgres", "redis", "kafka");
        assertThat(dev.find(PersistentVolumeClaim.class, "model-store").orElseThrow().getSpec().getAccessModes())
                .containsExactly("ReadWriteOnce");
    }

    @Test
    void prodGpuPutsModelServiceOnGpuNodesWithTheGpuImageAndUsesManagedServices() {
        Cluster prod = CheckedRender.of(CheckedRender.K8S.resolve("overlays/prod-gpu")).cluster();
        Deployment model = prod.find(Deployment.class, "model-service").orElseThrow();
        Container container = model.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(container.getImage()).isEqualTo("alphaquant/model-service:0.1.0-SNAPSHOT-gpu");
        assertThat(model.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(model.getSpec().getTemplate().getSpec().getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
        assertThat(prod.find(ConfigMap.class, "model-service-config").orElseThrow().getData()).containsEntry("MODEL_DEVICE", "gpu");
        assertThat(model.getSpec().getReplicas()).isGreaterThan(1);
        assertThat(prod.find(PersistentVolumeClaim.class, "model-store").orElseThrow().getSpec().getAccessModes())
                .as("replicas share the trained models").containsExactly("ReadWriteMany");
        // Only model-service gets the GPU image and GPUs.
        assertThat(prod.workloads()).filteredOn(w -> !w.name().equals("model-service") && !w.name().equals("migrate-model-service"))
                .flatExtracting(Cluster.Workload::containers)
                .allSatisfy(c -> assertThat(c.getImage()).doesNotEndWith("-gpu"))
                .allSatisfy(c -> assertThat(c.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu"));
        assertThat(prod.all(StatefulSet.class)).as("PostgreSQL, Redis and Kafka are managed services in prod").isEmpty();
        assertThat(prod.find(Deployment.class, "gateway").orElseThrow().getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyTypedObjectKeepsTheKindItWasWrittenAs() {
        for (Path overlay : overlays()) {
            List<HasMetadata> objects = CheckedRender.of(overlay).cluster().objects();
            assertThat(objects).hasSameSizeAs(Kustomize.render(overlay));
        }
    }
}
