package com.alphaquant.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.deploy.Repository;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The images profile against the services: one image per service, exposing its port, with probes to label. */
class JibImagesTest {

    private static final JibImages IMAGES = ComposeConsistencyTest.IMAGES;

    @Test
    void everyServiceAndTheGatewayIsAnImageAndModelServiceHasAGpuVariant() {
        assertThat(IMAGES.byModule()).containsOnlyKeys("data-service", "factor-service", "model-service", "backtest-service",
                "strategy-service", "gateway");
        assertThat(IMAGES.byModule().get("data-service")).containsExactly("alphaquant/data-service:0.1.0-SNAPSHOT");
        assertThat(IMAGES.byModule().get("model-service"))
                .containsExactly("alphaquant/model-service:0.1.0-SNAPSHOT", "alphaquant/model-service:0.1.0-SNAPSHOT-gpu");
    }

    /** image.port is written twice (pom and application.yml): the exposed port must be the one listened on. */
    @Test
    void eachImageExposesItsServersPortAndItsProbeLabelsExist() {
        IMAGES.ports().forEach((service, port) -> {
            ServiceConfig config = ServiceConfig.read(Repository.root(), service);
            assertThat(config.port(Map.of())).as(service + " server.port").isEqualTo(port);
            assertThat(config.probes()).as(service + " management.endpoint.health.probes.enabled").isTrue();
        });
    }
}
