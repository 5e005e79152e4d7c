package com.alphaquant.strategy.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.alphaquant.events.Topics;
import com.alphaquant.strategy.factors.FactorServiceUnavailableException;
import com.alphaquant.support.web.UpstreamRejectedException;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A factors.computed event factor-service refuses (a 4xx) goes to the dead-letter topic at the
 * first failure; one it cannot answer now (a 503 of its own) is tried again.
 */
class KafkaErrorConfigTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static KafkaOperations<Object, Object> template() {
        KafkaOperations<Object, Object> template = mock(KafkaOperations.class);
        when(template.send(any(ProducerRecord.class))).thenReturn((CompletableFuture) CompletableFuture.completedFuture(null));
        return template;
    }

    static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>(Topics.FACTORS_COMPUTED, 0, 42L, "market", "{}");

    @Test
    void aRejectedRequestIsDeadLetteredAtOnce() {
        KafkaOperations<Object, Object> template = template();
        DefaultErrorHandler handler = new KafkaErrorConfig().kafkaErrorHandler(template);
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new UpstreamRejectedException("factor-service", HttpStatus.BAD_REQUEST, "start: 1990-01-01 is outside …"));

        boolean recovered = handler.handleOne(failure, RECORD, mock(Consumer.class), mock(MessageListenerContainer.class));

        assertThat(recovered).as("dead-lettered, not redelivered").isTrue();
        verify(template).send(any(ProducerRecord.class));
    }

    @Test
    void anUnavailableFactorServiceIsRetried() {
        KafkaOperations<Object, Object> template = template();
        DefaultErrorHandler handler = new KafkaErrorConfig().kafkaErrorHandler(template);
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new FactorServiceUnavailableException("connection refused", null));

        boolean recovered = handler.handleOne(failure, RECORD, mock(Consumer.class), mock(MessageListenerContainer.class));

        assertThat(recovered).as("redelivered after a back-off").isFalse();
        verify(template, never()).send(any(ProducerRecord.class));
    }
}
