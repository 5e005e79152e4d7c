package com.alphaquant.strategy.book;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.data.DataServiceBarSource;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live books' market data: data-service's quote API, as backtest-service reads it. */
@Configuration(proxyBeanMethods = false)
class BookDataConfiguration {

    @Bean
    BarSource liveBookBars(LiveBookProperties properties, ServiceCalls calls) {
        return new DataServiceBarSource(calls, properties.dataServiceUrl(), Duration.ofSeconds(2), properties.readTimeout());
    }
}
