package com.alphaquant.model.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Job polling runs on Spring's scheduler (as does service-support's outbox relay). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class JobConfiguration {
}
