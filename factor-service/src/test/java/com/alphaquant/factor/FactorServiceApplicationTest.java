package com.alphaquant.factor;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.support.panel.DataServiceStub;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.LocalService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with its own configuration is ready once data-service (here a stub speaking its API) answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactorServiceApplicationTest {

    static final DataServiceStub DATA_SERVICE = DataServiceStub.start();

    @DynamicPropertySource
    static void dataService(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_factor");
        registry.add("alphaquant.factor.data-service-url", DATA_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        DATA_SERVICE.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FactorProperties properties;

    @Test
    void startsReadyWithItsConfiguration() {
        var readiness = new LocalService(port).get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(properties).isNotNull();
    }
}
