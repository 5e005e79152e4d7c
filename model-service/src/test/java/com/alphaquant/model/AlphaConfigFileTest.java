package com.alphaquant.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.config.ConfigException;
import com.alphaquant.testsupport.FreshDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** config/alpha_config.yaml reaches a service's bound properties, below system properties and above application.yml. */
@ExtendWith(OutputCaptureExtension.class)
class AlphaConfigFileTest {

    static final String DATABASE = FreshDatabase.create("aq_model_config");

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("alphaquant.config");
        System.clearProperty("alphaquant.model.device");
    }

    private Path config(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("alpha_config.yaml"), yaml);
        System.setProperty("alphaquant.config", file.toString());
        return file;
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ModelServiceApplication.class).run("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(), "--alphaquant.model.bars=sample",
                "--alphaquant.model.job-polling=false", "--spring.kafka.listener.auto-startup=false");
    }

    @Test
    void theFilesValuesReachTheBoundPropertiesAndASystemPropertyOverridesThem() throws IOException {
        Path models = dir.resolve("models");
        config("alphaquant:\n  model:\n    device: cpu\n    model-dir: " + models + "\n");

        try (ConfigurableApplicationContext context = start()) {
            ModelProperties properties = context.getBean(ModelProperties.class);
            assertThat(properties.device()).isEqualTo("cpu"); // application.yml says auto
            assertThat(properties.modelDir()).isEqualTo(models.toString());
        }

        System.setProperty("alphaquant.model.device", "gpu");
        try (ConfigurableApplicationContext context = start()) {
            ModelProperties properties = context.getBean(ModelProperties.class);
            assertThat(properties.device()).isEqualTo("gpu");
            assertThat(properties.modelDir()).isEqualTo(models.toString());
        }
    }

    @Test
    void anInvalidFileStopsTheServiceWithTheKeyAndTheReasonAndNoStackTrace(CapturedOutput output) throws IOException {
        Path file = config("alphaquant:\n  model:\n    device: tpu\n");

        assertThatThrownBy(AlphaConfigFileTest::start).isInstanceOf(ConfigException.class);
        String expected = file + ":3: alphaquant.model.device: must be one of auto, cpu, gpu, got 'tpu'";
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", expected)
                .doesNotContain("\tat org.springframework.boot.SpringApplication");
    }
}
