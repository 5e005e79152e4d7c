package com.alphaquant.support.kafka;

import com.alphaquant.events.EventFormatException;
import com.alphaquant.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every consuming service handles a record that fails: it goes to {@code <topic>.dlt}
 * ({@link Topics#deadLetter}) with Spring Kafka's exception headers
 * ({@code kafka_dlt-exception-message} is the reason), and the consumer moves on. An invalid
 * payload ({@link EventFormatException}, {@link IllegalArgumentException}) goes there at once;
 * other failures (a service or Kafka down) after 3 retries 2 s apart.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The error handler to declare as a bean; Boot's listener container factory picks it up. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(2000, 3));
        handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class);
        return handler;
    }
}
