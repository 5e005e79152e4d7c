package com.alphaquant.data;

import com.alphaquant.data.tushare.TushareClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
@EnableScheduling
class DataConfiguration {

    /** What "today" and "now" are for the daily cycle and coverage; tests supply their own. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TushareClient tushareClient(DataProperties properties, MeterRegistry meters) {
        return new TushareClient(WebClient.builder(), properties.tushare(), meters);
    }
}
