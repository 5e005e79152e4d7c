package com.alphaquant.strategy.live;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.ModelPredictions;
import com.alphaquant.events.StrategySignal;
import com.alphaquant.events.Topics;
import com.alphaquant.strategy.book.LiveBook;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code factors.computed} → each configured strategy's signals, stored and published. Publishing
 * goes through the transactional outbox: a signal row and its event commit together with the
 * day's book, and a day is decided once: only the delivery that stores the day's book (insert …
 * on conflict do nothing, keyed by strategy, version and day) stores and announces its signals.
 * A redelivered factors.computed, on this replica or another, at once or later, publishes
 * nothing, even if its evaluation came out differently (factor-service has since got a late
 * stock, predictions arrived): the day's signals are those its stored book was decided with.
 * The outbox relay publishes after commit and retries while Kafka is down (no signal stored but
 * never announced). A day older than the last decided one is not computed (counted as
 * {@code strategy.days.late}): the book chain runs forward only.
 */
@Component
public class SignalListener {

    private static final Logger log = LoggerFactory.getLogger(SignalListener.class);

    private final EventSerde serde = new EventSerde();
    private final SignalEngine engine;
    private final SignalStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Counter lateDays;
    private final LiveBook liveBook;

    public SignalListener(SignalEngine engine, SignalStore store, Outbox outbox, TransactionTemplate tx, MeterRegistry meters,
                          LiveBook liveBook) {
        this.engine = engine;
        this.liveBook = liveBook;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.lateDays = Counter.builder("strategy.days.late")
                .description("factors.computed days older than a day already decided, not computed").register(meters);
    }

    @KafkaListener(id = "strategy-factors", topics = Topics.FACTORS_COMPUTED)
    public void onFactors(String payload) {
        FactorsComputed event = serde.deserialize(Topics.FACTORS_COMPUTED, bytes(payload), FactorsComputed.class);
        for (StrategyDefinition strategy : engine.strategies().values()) {
            LocalDate latest = store.latestBookDay(strategy.name(), strategy.version());
            if (latest != null && latest.isAfter(event.tradeDate())) {
                // Each day starts from the previous day's book: computing a day behind the chain
                // would fork it, and signals for a day already past cannot be traded anyway.
                log.warn("{} {}: not computed, {} is already decided (POST /api/strategies/{}/evaluate computes it on demand)",
                        strategy.name(), event.tradeDate(), latest, strategy.name());
                lateDays.increment();
                continue;
            }
            SignalEngine.Evaluation evaluation = engine.evaluateDay(strategy, event.tradeDate());
            List<StrategySignal> signals = evaluation.signals();
            Integer published = tx.execute(s -> {
                if (!store.saveBook(strategy.name(), strategy.version(), event.tradeDate(), evaluation.book())) {
                    return null; // decided already
                }
                int n = 0;
                for (StrategySignal signal : signals) {
                    if (store.insertIfAbsent(signal)) {
                        outbox.add(signal);
                        n++;
                    }
                }
                return n;
            });
            if (published == null) {
                log.info("{} {}: decided already, nothing published", strategy.name(), event.tradeDate());
            } else {
                log.info("{} {}: {} signals, {} new", strategy.name(), event.tradeDate(), signals.size(), published);
            }
            advanceLiveBook(strategy, event.tradeDate());
        }
    }

    /**
     * The signals are stored and published whatever becomes of the live book: a step that fails
     * (data-service unreachable) is caught up, in order, by the next cycle.
     */
    private void advanceLiveBook(StrategyDefinition strategy, LocalDate day) {
        try {
            liveBook.advance(strategy, day);
        } catch (RuntimeException e) {
            log.warn("live book {} not advanced to {} (caught up on the next cycle): {}", strategy.name(), day, e.toString());
        }
    }

    @KafkaListener(id = "strategy-predictions", topics = Topics.MODEL_PREDICTIONS)
    public void onPredictions(String payload) {
        ModelPredictions event = serde.deserialize(Topics.MODEL_PREDICTIONS, bytes(payload), ModelPredictions.class);
        store.replacePredictions(event);
    }

    private static byte[] bytes(String payload) {
        return payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
    }
}
