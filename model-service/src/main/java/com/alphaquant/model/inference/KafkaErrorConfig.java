package com.alphaquant.model.inference;

import com.alphaquant.support.kafka.DeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Failed records go to {@code <topic>.dlt} ({@link DeadLetters}). A day the data source holds no
 * bars for ({@link IllegalArgumentException} from the dataset) goes there at once: asking again
 * would find no bars again.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }
}
