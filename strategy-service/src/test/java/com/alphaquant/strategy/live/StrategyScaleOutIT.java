package com.alphaquant.strategy.live;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.pollToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.StrategySignal;
import com.alphaquant.events.Topics;
import com.alphaquant.strategy.StrategyServiceApplication;
import com.alphaquant.strategy.factors.FakeFactorService;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.outbox.OutboxRelay;
import com.alphaquant.testsupport.Replicas;
import com.alphaquant.testsupport.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of strategy-service given the same factors.computed, as a redelivery does when
 * the partition moves to the other replica before the first committed it: the day's signals are
 * decided and published once, whether both handle it at the same moment or the second comes
 * later with an evaluation of its own that differs (factor-service has since got a late stock).
 */
class StrategyScaleOutIT {

    static final LocalDate DAY = LocalDate.parse("2024-03-01");
    static final String LATE_STOCK = "000858.SZ";
    static final String STRATEGY = "multi_factor";
    static final String VERSION = "multi_factor-1";

    @Test
    void theSameTriggerOnTwoReplicasPublishesTheDaysSignalsOnce() throws Exception {
        try (FakeFactorService factors = FakeFactorService.start(LocalDate.parse("2099-12-31"));
             Replicas strategy = Replicas.of(StrategyServiceApplication.class)
                     .with(registry -> {
                         TestInfra.postgres(registry, "aq_strategy"); // one signal table and outbox for both
                         TestInfra.kafka(registry, Topics.STRATEGY_SIGNALS);
                     })
                     .property("alphaquant.strategy.factor-service-url", factors.url())
                     .property("spring.kafka.listener.auto-startup", false) // the test hands the event to each replica
                     .property("alphaquant.strategy.live.enabled", false)
                     .property("alphaquant.outbox.interval", "200ms")
                     .start(2);
             KafkaConsumer<String, String> signals = consumer(Topics.STRATEGY_SIGNALS)) {
            String trigger = new EventSerde().toJson(new FactorsComputed("factors-scale-" + DAY, FactorsComputed.VERSION,
                    Instant.now(), DAY, FakeFactorService.CODES, List.of("MOM20"), "factors-1"));

            // Both replicas at the same moment: one signal per stock, from one of them.
            handleTogether(strategy, trigger);
            assertThat(published(strategy, signals)).containsExactlyInAnyOrderElementsOf(FakeFactorService.CODES);

            // Later, factor-service has a late stock: replica 1's evaluation of the day now differs ...
            factors.serveAlso(LATE_STOCK);
            SignalEngine engine = strategy.bean(1, SignalEngine.class);
            assertThat(engine.evaluate(engine.strategies().get(STRATEGY), DAY)).extracting(StrategySignal::tsCode)
                    .contains(LATE_STOCK);
            // ... but the day is decided: the trigger again publishes nothing.
            strategy.bean(1, SignalListener.class).onFactors(trigger);
            assertThat(published(strategy, signals)).isEmpty();
            assertThat(strategy.bean(1, SignalStore.class).signals(STRATEGY, VERSION, DAY)).extracting(StrategySignal::tsCode)
                    .containsExactlyInAnyOrderElementsOf(FakeFactorService.CODES);
        }
    }

    /** Hands {@code payload} to every replica's listener at once and waits for them to finish. */
    private static void handleTogether(Replicas strategy, String payload) throws Exception {
        CyclicBarrier together = new CyclicBarrier(strategy.size());
        ExecutorService threads = Executors.newFixedThreadPool(strategy.size());
        try {
            List<Future<?>> handled = new ArrayList<>();
            for (int i = 0; i < strategy.size(); i++) {
                SignalListener listener = strategy.bean(i, SignalListener.class);
                handled.add(threads.submit(() -> {
                    together.await();
                    listener.onFactors(payload);
                    return null;
                }));
            }
            for (Future<?> f : handled) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The stocks of the day's strategy.signals published since the last call: read once the
     * outbox has nothing pending (every event written so far is on the broker), so nothing is missed.
     */
    private static List<String> published(Replicas strategy, KafkaConsumer<String, String> signals) {
        OutboxRelay relay = strategy.bean(0, OutboxRelay.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        return pollToEnd(signals, Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().contains("\"asOf\":\"" + DAY + "\"")).map(ConsumerRecord::key).toList();
    }
}
