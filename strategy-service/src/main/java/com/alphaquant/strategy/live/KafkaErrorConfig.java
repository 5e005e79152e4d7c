package com.alphaquant.strategy.live;

import com.alphaquant.support.kafka.DeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Failed records go to {@code <topic>.dlt}, e.g. {@code factors.computed.dlt} ({@link DeadLetters}). */
@Configuration
public class KafkaErrorConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        return DeadLetters.errorHandler(template);
    }
}
