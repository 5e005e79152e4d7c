package com.alphaquant.config.spring;

import com.alphaquant.config.AlphaConfig;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts {@code alpha_config.yaml} under every service: finds it ({@code ALPHAQUANT_CONFIG}, the
 * system property {@code alphaquant.config}, else {@code config/alpha_config.yaml} in the working
 * directory; none is fine), checks it against the schema and adds what it and the schema's
 * environment variables set as a property source right below the environment variables, so
 * command-line arguments, system properties and environment variables win over it and it wins
 * over application.yml. An invalid file stops the service with the checker's message
 * ({@link ConfigFailureAnalyzer}). Registered in META-INF/spring.factories.
 */
public class AlphaConfigEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "alphaquant-config";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> env = environment.getSystemEnvironment();
        Path file = AlphaConfig.locate(name -> (String) env.get(name), environment::getProperty);
        @SuppressWarnings({"unchecked", "rawtypes"})
        AlphaConfig config = AlphaConfig.load(file, (Map<String, String>) (Map) env);
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, config.properties());
        var sources = environment.getPropertySources();
        sources.remove(SOURCE_NAME);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }

    /** After the config data (application.yml) is loaded, so a location given there is seen too. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
