package com.alphaquant.backtest.data;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.data.DataServiceBarSource;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the bar source by {@code alphaquant.backtest.bars}: {@code data-service} (default) or {@code files}. */
@Configuration(proxyBeanMethods = false)
class BarSourceConfiguration {

    @Bean
    BarSource barSource(BacktestProperties properties, ServiceCalls calls) {
        return switch (properties.bars()) {
            case DATA_SERVICE -> new DataServiceBarSource(calls, properties.dataServiceUrl(), properties.dataServiceConnectTimeout(),
                    properties.dataServiceReadTimeout());
            case FILES -> new BundledSampleBarSource(properties.sampleDir() == null || properties.sampleDir().isBlank()
                    ? SampleData.dir() : Path.of(properties.sampleDir()), properties.sampleBars());
        };
    }

    @Bean
    MarketData marketData(BarSource source) {
        return new MarketData(source);
    }
}
