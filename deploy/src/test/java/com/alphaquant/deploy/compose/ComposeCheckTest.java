package com.alphaquant.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check itself, on small compose files that are wrong on purpose, against the real services' configuration. */
class ComposeCheckTest {

    private static final ComposeCheck CHECK = ComposeConsistencyTest.CHECK;

    @Test
    void aVariableNoConfigurationReadsIsReported() {
        Compose compose = Compose.parse("""
                services:
                  data-service:
                    image: alphaquant/data-service:0.1.0-SNAPSHOT
                    environment:
                      DATABSE_URL: jdbc:postgresql://postgres:5432/alphaquant_data
                      TUSHARE_TOKEN: ${TUSHARE_TOKEN:-}
                      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/other
                """);

        assertThat(CHECK.problems(compose)).containsExactly(
                "data-service: sets DATABSE_URL, which its configuration never reads",
                "data-service: sets SPRING_DATASOURCE_URL, which its configuration never reads");
    }

    @Test
    void variablesOfTheConfigFileSchemaAndTheGatewaysApiKeysAreKnown() {
        Compose compose = Compose.parse("""
                services:
                  factor-service:
                    environment: [ALPHAQUANT_FACTOR_CACHE_TTL=12h, ALPHAQUANT_CONFIG=/etc/alphaquant/alpha_config.yaml]
                  gateway:
                    environment:
                      ALPHAQUANT_GATEWAY_APIKEYS_3_SHA256: abc
                      ALPHAQUANT_GATEWAY_APIKEYS_3_BURST: 10
                      ALPHAQUANT_GATEWAY_APIKEYS_3_COLOUR: red
                      ALPHAQUANT_FACTOR_CACHE_TTL: 12h
                """);

        assertThat(CHECK.problems(compose)).containsExactly(
                "gateway: sets ALPHAQUANT_GATEWAY_APIKEYS_3_COLOUR, which its configuration never reads",
                "gateway: sets ALPHAQUANT_FACTOR_CACHE_TTL, which its configuration never reads");
    }

    @Test
    void portsAndHealthChecksMustUseTheServerPort() {
        Compose compose = Compose.parse("""
                services:
                  factor-service:
                    ports: ["8081:8081"]
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:8081/actuator/health/readiness"]
                  strategy-service:
                    environment: { PORT: 9000 }
                    ports: ["9000"]
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:9000/actuator/health"]
                """);

        assertThat(CHECK.problems(compose)).containsExactly(
                "factor-service: publishes container port 8081 but listens on 8082",
                "factor-service: health check does not call port 8082: CMD curl -f http://localhost:8081/actuator/health/readiness",
                "strategy-service: health check does not ask /actuator/health/readiness");
    }

    @Test
    void serviceUrlsMustNameTheRightServiceAndItsPort() {
        Compose compose = Compose.parse("""
                services:
                  data-service: {}
                  factor-service:
                    environment: { PORT: 9082 }
                  gateway:
                    environment:
                      DATA_SERVICE_URL: http://data-service:8082
                      FACTOR_SERVICE_URL: http://factor-service:8082
                      MODEL_SERVICE_URL: http://backtest-service:8083
                """);

        assertThat(CHECK.problems(compose)).containsExactly(
                "gateway: DATA_SERVICE_URL=http://data-service:8082 but data-service listens on 8081",
                "gateway: FACTOR_SERVICE_URL=http://factor-service:8082 but factor-service listens on 9082",
                "gateway: MODEL_SERVICE_URL=http://backtest-service:8083 does not point at model-service");
    }

    @Test
    void imagesMustBeOnesTheProfileBuilds() {
        Compose compose = Compose.parse("""
                services:
                  model-service:
                    image: alphaquant/model-service:${ALPHAQUANT_VERSION:-0.1.0-SNAPSHOT}-cuda
                  tushare-sim:
                    image: alphaquant/tushare-sim:0.1.0-SNAPSHOT
                """);

        assertThat(CHECK.problems(compose)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("model-service: image alphaquant/model-service:0.1.0-SNAPSHOT-cuda is not one"))
                .contains("tushare-sim: runs alphaquant/tushare-sim:0.1.0-SNAPSHOT but is no service with an image");
    }

    @Test
    void dependenciesMustExistAndBeHealthCheckedWhenWaitedFor() {
        Compose compose = Compose.parse("""
                services:
                  redis:
                    image: redis:7.4
                  gateway:
                    depends_on:
                      redis: { condition: service_healthy }
                      data-service: { condition: service_healthy }
                      gateway-init: { condition: service_done }
                  gateway-init:
                    image: busybox
                """);

        assertThat(CHECK.problems(compose)).containsExactly(
                "gateway: waits for redis to be healthy, but redis has no health check",
                "gateway: depends on data-service, which the file does not have",
                "gateway: depends on gateway-init with unknown condition service_done");
    }

    @Test
    void aPlatformFileMissingAServiceOrAHealthCheckIsReported() {
        Compose compose = Compose.parse("""
                services:
                  gateway:
                    image: alphaquant/gateway:0.1.0-SNAPSHOT
                """);

        assertThat(CHECK.platform(compose)).contains("data-service: not in the file",
                "gateway: has no health check, so nothing can wait for it to be ready");
    }
}
