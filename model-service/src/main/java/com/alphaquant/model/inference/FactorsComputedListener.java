package com.alphaquant.model.inference;

import com.alphaquant.events.EventIds;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.ModelPredictions;
import com.alphaquant.events.Topics;
import com.alphaquant.support.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code factors.computed} → the active model's predictions for every stock of that day, published
 * as {@code model.predictions} through the transactional outbox. The event id is derived from the
 * model and the day, so a redelivered factors.computed publishes nothing twice. Without an active
 * model nothing is published.
 */
@Component
public class FactorsComputedListener {

    private static final Logger log = LoggerFactory.getLogger(FactorsComputedListener.class);

    private final EventSerde serde = new EventSerde();
    private final LoadedModels models;
    private final Predictor predictor;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Counter published;

    public FactorsComputedListener(LoadedModels models, Predictor predictor, Outbox outbox, TransactionTemplate tx, MeterRegistry meters) {
        this.models = models;
        this.predictor = predictor;
        this.outbox = outbox;
        this.tx = tx;
        this.published = Counter.builder("alphaquant.model.predictions.published").description("model.predictions events written to the outbox")
                .register(meters);
    }

    @KafkaListener(id = "model-factors", topics = Topics.FACTORS_COMPUTED)
    public void onFactors(String payload) {
        FactorsComputed event = serde.deserialize(Topics.FACTORS_COMPUTED, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                FactorsComputed.class);
        models.active().ifPresentOrElse(active -> {
            List<ModelPredictions.Prediction> predictions = predictor.predict(active.model(), event.tradeDate(), List.of());
            String version = active.record().id().toString();
            ModelPredictions out = new ModelPredictions(EventIds.of(Topics.MODEL_PREDICTIONS, version, event.tradeDate().toString()),
                    ModelPredictions.VERSION, Instant.now(), active.record().name(), version, event.tradeDate(), active.horizon(),
                    predictions);
            tx.executeWithoutResult(s -> outbox.add(out));
            published.increment();
            log.info("model {} predicted {} stocks for {}", active.record().name(), predictions.size(), event.tradeDate());
        }, () -> log.debug("factors.computed {}: no active model, nothing to predict", event.tradeDate()));
    }
}
