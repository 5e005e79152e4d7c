package com.alphaquant.strategy.live;

import com.alphaquant.support.kafka.DeadLetters;
import com.alphaquant.support.web.UpstreamRejectedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Failed records go to {@code <topic>.dlt}, e.g. {@code factors.computed.dlt} ({@link DeadLetters}).
 * An event whose factor request factor-service refuses ({@link UpstreamRejectedException}, a 4xx:
 * a date it does not serve) goes there at once, like an invalid payload: asking again would be
 * refused again, and the partition would wait 15 minutes for nothing.
 */
@Configuration
public class KafkaErrorConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template);
        handler.addNotRetryableExceptions(UpstreamRejectedException.class);
        return handler;
    }
}
