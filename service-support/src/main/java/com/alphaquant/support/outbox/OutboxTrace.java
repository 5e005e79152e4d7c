package com.alphaquant.support.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Carries a trace across the outbox, where the thread that wrote an event is long gone when the
 * relay sends it: {@link Outbox} stores the writer's W3C {@code traceparent} with the row, and the
 * relay sends the row inside an observation ({@value #RELAY}) that continues that trace, so the
 * Kafka producer's observation puts a {@code traceparent} of the same trace into the record's
 * headers and the consumer's log lines carry the trace id of the request that caused the event.
 */
public final class OutboxTrace {

    static final String TRACEPARENT = "traceparent";
    static final String RELAY = "alphaquant.outbox.relay";

    private static final OutboxTrace NONE = new OutboxTrace(null, null, ObservationRegistry.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public OutboxTrace(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** No tracing: rows keep no trace, sends start none. */
    public static OutboxTrace none() {
        return NONE;
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    String current() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** Runs {@code send} in the trace {@code traceparent} names (as it is when there is none). */
    <T> T continuing(String traceparent, Callable<T> send) throws Exception {
        if (traceparent == null || observations.isNoop()) {
            return send.call();
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
        context.setCarrier(Map.of(TRACEPARENT, traceparent));
        return Observation.createNotStarted(RELAY, () -> context, observations).observeChecked(send::call);
    }
}
