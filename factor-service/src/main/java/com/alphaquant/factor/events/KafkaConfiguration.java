package com.alphaquant.factor.events;

import com.alphaquant.events.EventFormatException;
import com.alphaquant.events.Topics;
import com.alphaquant.factor.FactorProperties;
import com.alphaquant.factor.bars.BarSource;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.cache.RedisGuard;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The ingest flow's beans. A record that fails goes to {@code market.data.ingested.dlt} with the
 * exception headers ({@code kafka_dlt-exception-message} is the reason): an invalid payload at
 * once, other failures (data-service or Kafka down) after 3 retries 2 s apart.
 */
@Configuration
public class KafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(2000, 3));
        handler.addNotRetryableExceptions(EventFormatException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean
    ProcessedEvents processedEvents(RedisTemplate<String, byte[]> factorRedisTemplate, RedisGuard guard, FactorProperties p) {
        return new ProcessedEvents(p.cacheEnabled() ? factorRedisTemplate : null, guard, p.cachePrefix(), p.processedTtl());
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, String> kafka) {
        return new EventPublisher(kafka);
    }

    @Bean
    IngestHandler ingestHandler(CachedFactors factors, BarSource bars, ProcessedEvents processed, EventPublisher publisher,
                                Clock clock) {
        return new IngestHandler(factors, bars, processed, publisher, clock);
    }
}
