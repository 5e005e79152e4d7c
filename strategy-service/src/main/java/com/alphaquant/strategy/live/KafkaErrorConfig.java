package com.alphaquant.strategy.live;

import com.alphaquant.events.EventFormatException;
import com.alphaquant.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failed records go to {@code <topic>.dlt} (e.g. {@code factors.computed.dlt}) with the
 * exception headers (kafka_dlt-exception-message: the reason). An invalid payload is not
 * retried; other failures (factor-service down) are retried 3 times, 2 s apart, first.
 */
@Configuration
public class KafkaErrorConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(2000, 3));
        handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class);
        return handler;
    }
}
