package com.alphaquant.model.jobs;

import com.alphaquant.model.train.HeadLosses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The losses of the last epoch this replica finished, as gauges
 * {@code alphaquant.model.training.loss{head=total|return|sharpe|drawdown, split=train|valid}}: a
 * training run's curve seen from Prometheus while it runs (the job's row keeps every epoch). NaN
 * until an epoch finishes, and where a loss is undefined.
 */
@Component
public class TrainingLosses {

    private static final Map<String, ToDoubleFunction<HeadLosses>> HEADS = Map.of("total", HeadLosses::total,
            "return", HeadLosses::returnLoss, "sharpe", HeadLosses::sharpeLoss, "drawdown", HeadLosses::drawdownLoss);

    private volatile HeadLosses train;
    private volatile HeadLosses valid;

    public TrainingLosses(MeterRegistry meters) {
        HEADS.forEach((head, loss) -> {
            Gauge.builder("alphaquant.model.training.loss", this, t -> value(t.train, loss)).tags("head", head, "split", "train")
                    .description("the last finished epoch's loss").register(meters);
            Gauge.builder("alphaquant.model.training.loss", this, t -> value(t.valid, loss)).tags("head", head, "split", "valid")
                    .description("the last finished epoch's loss").register(meters);
        });
    }

    /** An epoch finished with these losses (valid null before the first validation). */
    void epoch(HeadLosses train, HeadLosses valid) {
        this.train = train;
        this.valid = valid;
    }

    private static double value(HeadLosses losses, ToDoubleFunction<HeadLosses> loss) {
        return losses == null ? Double.NaN : loss.applyAsDouble(losses);
    }
}
