package com.alphaquant.support.kafka;

import com.alphaquant.events.EventFormatException;
import com.alphaquant.events.Topics;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every consuming service handles a record that fails: it goes to {@code <topic>.dlt}
 * ({@link Topics#deadLetter}) with Spring Kafka's exception headers
 * ({@code kafka_dlt-exception-message} is the reason), and the consumer moves on. An invalid
 * payload ({@link EventFormatException}, {@link IllegalArgumentException}) goes there at once.
 * Other failures (a service, the database or Kafka down) are retried with exponential back-off,
 * 1 s doubling to 30 s between tries, for up to {@link #TRANSIENT_PATIENCE}: a rolling restart
 * or a short outage must not send a good event to the dead-letter topic, where nothing replays
 * it. The partition waits meanwhile, which keeps its events in order.
 */
public final class DeadLetters {

    /** How long a failing valid event is retried before it is dead-lettered after all. */
    public static final Duration TRANSIENT_PATIENCE = Duration.ofMinutes(15);

    private DeadLetters() {
    }

    /** The error handler to declare as a bean; Boot's listener container factory picks it up. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000); // below max.poll.interval.ms, so the consumer keeps its partitions
        backOff.setMaxElapsedTime(TRANSIENT_PATIENCE.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class);
        return handler;
    }
}
