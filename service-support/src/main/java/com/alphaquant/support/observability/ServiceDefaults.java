package com.alphaquant.support.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The settings every service shares ({@value #RESOURCE}: Kafka observations on, JSON logs when
 * {@code LOG_FORMAT} names a format, the internal token from {@code ALPHAQUANT_INTERNAL_TOKEN}),
 * below a service's application.yml, the environment, system properties and arguments, which can
 * still change each (only {@code SpringApplication}'s default properties rank lower). Registered
 * in META-INF/spring.factories.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "alphaquant-service-defaults.properties";
    static final String SOURCE_NAME = "alphaquant-service-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().remove(SOURCE_NAME);
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("service-support's " + RESOURCE + " is missing from the classpath", e);
        }
    }

    /** After application.yml is loaded; the logging system starts after every post-processor has run. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
