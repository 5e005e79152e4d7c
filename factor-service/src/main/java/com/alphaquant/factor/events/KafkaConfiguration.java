package com.alphaquant.factor.events;

import com.alphaquant.factor.FactorProperties;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.cache.RedisGuard;
import com.alphaquant.factor.compute.MarketDataException;
import com.alphaquant.support.kafka.DeadLetters;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The ingest flow's beans. A record that fails goes to {@code <topic>.dlt}, i.e.
 * {@code market.data.ingested.dlt} or {@code market.data.ready.dlt} ({@link DeadLetters}: an
 * invalid payload at once, other failures after 15 minutes of retries).
 */
@Configuration
public class KafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template);
        handler.addNotRetryableExceptions(MarketDataException.class); // bad bars stay bad: dead-letter at once
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
    IngestHandler ingestHandler(CachedFactors factors, PanelSource bars, ProcessedEvents processed) {
        return new IngestHandler(factors, bars, processed);
    }

    @Bean
    ReadyHandler readyHandler(CachedFactors factors, PanelSource bars, ProcessedEvents processed, EventPublisher publisher,
                              Clock clock) {
        return new ReadyHandler(factors, bars, processed, publisher, clock);
    }
}
