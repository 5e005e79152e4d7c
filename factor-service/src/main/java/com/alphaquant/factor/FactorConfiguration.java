package com.alphaquant.factor;

import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.cache.FactorCache;
import com.alphaquant.factor.cache.RedisFactorCache;
import com.alphaquant.factor.cache.RedisGuard;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.data.DataServiceHealthIndicator;
import com.alphaquant.support.panel.DataServicePanelSource;
import com.alphaquant.support.panel.InMemoryPanelSource;
import com.alphaquant.support.panel.PanelSource;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/** Wires the panel source, the engine and the Redis cache. */
@Configuration
public class FactorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * The sample files when {@code bars-csv} is set (offline demo, tests), with the ST history of
     * {@code namechange-csv}, the northbound flow of {@code north-csv}, or else the bundled
     * sample's, and the industries of the bundled sample's stock_basic; else data-service.
     */
    @Bean
    PanelSource panelSource(FactorProperties p, ServiceCalls calls) {
        if (p.barsCsv() != null && !p.barsCsv().isBlank()) {
            return InMemoryPanelSource.fromCsv(Path.of(p.barsCsv()),
                    p.indexCsv() == null || p.indexCsv().isBlank() ? null : Path.of(p.indexCsv()),
                    orSample(p.namechangeCsv(), SampleData.NAMECHANGE), orSample(p.northCsv(), SampleData.MONEYFLOW_HSGT),
                    SampleData.file(SampleData.STOCK_BASIC));
        }
        return new DataServicePanelSource(calls, p.dataServiceUrl(), p.fetchParallelism(), Duration.ofSeconds(60));
    }

    private static Path orSample(String file, String sample) {
        return file == null || file.isBlank() ? SampleData.file(sample) : Path.of(file);
    }

    /** The {@code dataService} health component, in readiness: can bars be fetched at all. */
    @Bean
    HealthIndicator dataServiceHealthIndicator(FactorProperties p) {
        if (p.barsCsv() != null && !p.barsCsv().isBlank()) {
            return () -> Health.up().withDetail("bars", p.barsCsv()).build();
        }
        return new DataServiceHealthIndicator(p.dataServiceUrl());
    }

    @Bean
    FactorComputer factorComputer(PanelSource source, FactorProperties p, MeterRegistry meters) {
        FactorComputer computer = new FactorComputer(source, p.recursiveWarmupBars(), p.engineParallelism());
        // Runs are counted (and timed) by CachedFactors' alphaquant.factor.compute.
        FunctionCounter.builder("alphaquant.factor.compute.stocks", computer, FactorComputer::stocksComputed)
                .description("stocks computed by the engine").register(meters);
        return computer;
    }

    @Bean
    RedisGuard redisGuard(MeterRegistry meters, Clock clock) {
        return new RedisGuard(meters, clock, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    @Bean
    RedisTemplate<String, byte[]> factorRedisTemplate(RedisConnectionFactory connections) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        return template;
    }

    /** Commands fail at once while Redis is unreachable instead of queueing until the timeout. */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    FactorCache factorCache(FactorProperties p, RedisTemplate<String, byte[]> factorRedisTemplate, RedisGuard guard) {
        if (!p.cacheEnabled()) {
            return FactorCache.none();
        }
        return new RedisFactorCache(factorRedisTemplate, p.cachePrefix(), FactorEngine.VERSION,
                FactorComputer.FACTORS.size(), p.cacheTtl(), guard);
    }

    @Bean
    CachedFactors cachedFactors(FactorComputer computer, FactorCache cache, MeterRegistry meters, Clock clock) {
        return new CachedFactors(computer, cache, meters, clock);
    }
}
