package com.alphaquant.model.data;

import com.alphaquant.model.ModelProperties;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.panel.DataServicePanelSource;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dataset source {@code alphaquant.model.bars} names. */
@Configuration(proxyBeanMethods = false)
class ModelDataConfiguration {

    @Bean
    ModelData modelData(ModelProperties properties, ServiceCalls calls) {
        return switch (properties.bars()) {
            case "sample" -> new SampleModelData();
            default -> new DataServiceModelData(new DataServicePanelSource(calls, properties.dataServiceUrl(), 4, Duration.ofSeconds(120)),
                    "data-service " + properties.dataServiceUrl());
        };
    }
}
