package com.alphaquant.data;

import com.alphaquant.data.tushare.TushareClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
@EnableScheduling
class DataConfiguration {

    @Bean
    TushareClient tushareClient(DataProperties properties) {
        return new TushareClient(WebClient.builder(), properties.tushare());
    }
}
