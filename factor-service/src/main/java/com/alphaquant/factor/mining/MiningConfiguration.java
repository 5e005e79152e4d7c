package com.alphaquant.factor.mining;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mining job polling runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MiningConfiguration {
}
