package com.alphaquant.model.data;

import com.alphaquant.model.ModelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dataset source {@code alphaquant.model.bars} names. */
@Configuration(proxyBeanMethods = false)
class ModelDataConfiguration {

    @Bean
    ModelData modelData(ModelProperties properties) {
        return switch (properties.bars()) {
            case "sample" -> new SampleModelData();
            default -> throw new IllegalStateException("bars " + properties.bars() + " is not served yet");
        };
    }
}
