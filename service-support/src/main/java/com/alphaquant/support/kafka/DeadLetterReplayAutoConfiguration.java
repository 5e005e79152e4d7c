package com.alphaquant.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Dead-letter replay ({@link DeadLetterReplay}, {@link DeadLetterController}) in every web service with Kafka. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, ConsumerFactory.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ConsumerFactory.class, KafkaTemplate.class})
public class DeadLetterReplayAutoConfiguration {

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> producer) {
        return new DeadLetterReplay(consumers, producer);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay replay) {
        return new DeadLetterController(replay);
    }
}
