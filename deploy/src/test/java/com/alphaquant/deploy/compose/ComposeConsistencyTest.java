package com.alphaquant.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.deploy.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docker-compose.yml (and its GPU override) against the services' configuration and the images profile. */
class ComposeConsistencyTest {

    static final Path ROOT = Repository.root();
    static final JibImages IMAGES = JibImages.read(ROOT);
    static final ComposeCheck CHECK = new ComposeCheck(configs(), IMAGES.all());

    static Map<String, ServiceConfig> configs() {
        Map<String, ServiceConfig> configs = new LinkedHashMap<>();
        IMAGES.byModule().keySet().forEach(service -> configs.put(service, ServiceConfig.read(ROOT, service)));
        return configs;
    }

    @Test
    void composeFileAgreesWithTheServices() {
        Compose compose = Compose.read(ROOT.resolve("docker-compose.yml"));

        assertThat(compose.services()).containsKeys("postgres", "redis", "kafka", "data-service", "factor-service",
                "model-service", "backtest-service", "strategy-service", "gateway");
        assertThat(CHECK.platform(compose)).isEmpty();
    }

    @Test
    void gpuOverrideRunsTheGpuImageWithVariablesModelServiceReads() {
        Compose gpu = Compose.read(ROOT.resolve("docker-compose.gpu.yml"));

        assertThat(gpu.services().get("model-service").image()).endsWith("-gpu");
        assertThat(CHECK.problems(gpu)).isEmpty();
    }

    @Test
    void onlyTheGatewayIsPublished() {
        Compose compose = Compose.read(ROOT.resolve("docker-compose.yml"));

        assertThat(compose.services().values().stream().filter(s -> !s.containerPorts().isEmpty()).map(Compose.Service::name))
                .containsExactly("gateway");
    }

    /** .env.example is where a user learns what to set: it lists every variable the files interpolate. */
    @Test
    void envExampleListsEveryVariableTheComposeFilesUse() throws IOException {
        Set<String> listed = Files.readAllLines(ROOT.resolve(".env.example")).stream()
                .filter(line -> line.matches("[A-Z][A-Z0-9_]*=.*")).map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toSet());

        assertThat(listed).containsAll(Compose.read(ROOT.resolve("docker-compose.yml")).variables())
                .containsAll(Compose.read(ROOT.resolve("docker-compose.gpu.yml")).variables());
    }
}
