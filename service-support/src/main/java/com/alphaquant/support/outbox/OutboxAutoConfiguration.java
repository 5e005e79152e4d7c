package com.alphaquant.support.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox in services that have both a database and Kafka. The relay can be switched off
 * ({@code alphaquant.outbox.enabled=false}, e.g. the CLI's one-shot ingest): events then wait in
 * the table until a service with Kafka runs.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    Outbox outbox(JdbcTemplate jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    @ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class})
    @ConditionalOnProperty(name = "alphaquant.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
        return new OutboxRelay(jdbc, kafka);
    }
}
