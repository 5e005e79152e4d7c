package com.alphaquant.data.tushare;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Paces calls to Tushare at its calls-per-minute limit, as close to the limit as it can go
 * without ever exceeding it: Tushare counts calls in a sliding minute and refuses (40203) the
 * one that would be one too many, and a refused call wastes a slot and a retry backoff.
 *
 * <p>Two rules, both checked at the moment a call is sent:
 * <ul>
 * <li><b>Even spacing</b>: sends follow a schedule of one slot per {@code 60 s / limit}. A send
 *     that wakes up a little late keeps the schedule (the next slot is not pushed back by the
 *     delay), so timer lateness does not add up over a long load.</li>
 * <li><b>The window</b>: a call holds one of {@code limit} permits from its send until a minute
 *     (plus a margin) after its answer came back. Tushare counts a call when it arrives, which is
 *     after its send and before its answer, so a call is sent only when fewer than {@code limit}
 *     others can still be inside Tushare's minute: however slowly calls are answered and however
 *     the network delays them, no minute ever sees more than {@code limit}.</li>
 * </ul>
 * Spacing alone (what a fixed-period rate limiter does) is not enough: a call that arrives a few
 * milliseconds late next to one that arrives on time makes {@code limit + 1} calls in 60 s, and
 * the refused one costs a slot and a retry. The price of the window rule is one answer's latency
 * per minute: a saturated client reaches {@code limit × 60 s / (60 s + margin + latency)}.
 */
final class CallPacer {

    /** Tushare's window. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Added to the window: clocks and the server's point of counting are not ours. */
    static final Duration MARGIN = Duration.ofMillis(20);
    /** How often a call waiting only for answers (every permit held by a call in flight) looks again. */
    private static final long IN_FLIGHT_POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final int limit;
    private final long spacing;
    private final long hold;
    private final LongSupplier nanoTime;

    /** The next slot of the schedule. */
    private long next;
    private boolean started;
    private int inFlight;
    /** When each answered call's permit comes free, in answer order, hence ascending. */
    private final ArrayDeque<Long> freeAt = new ArrayDeque<>();

    CallPacer(int callsPerMinute) {
        this(callsPerMinute, System::nanoTime);
    }

    CallPacer(int callsPerMinute, LongSupplier nanoTime) {
        if (callsPerMinute < 1) {
            throw new IllegalArgumentException("calls per minute must be at least 1, got " + callsPerMinute);
        }
        this.limit = callsPerMinute;
        this.spacing = WINDOW.toNanos() / callsPerMinute;
        this.hold = WINDOW.toNanos() + MARGIN.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Completes (empty) once the caller may send; the caller must then {@link #done} exactly once
     * when its call has ended, however it ended. Cancelled while waiting, it holds nothing.
     */
    Mono<Void> permit() {
        return Mono.defer(() -> {
            long wait = tryAcquire(nanoTime.getAsLong());
            return wait == 0 ? Mono.<Void>empty() : Mono.delay(Duration.ofNanos(wait)).then(permit());
        });
    }

    /** {@code fn} sent under a permit, released when it ends (value, error or cancel). */
    <T> Mono<T> paced(Supplier<Mono<T>> fn) {
        return permit().then(Mono.defer(() -> fn.get().doFinally(signal -> done())));
    }

    /** Takes a permit and returns 0, or returns how many nanoseconds to wait before trying again. */
    synchronized long tryAcquire(long now) {
        if (started && now < next) {
            return next - now;
        }
        while (!freeAt.isEmpty() && freeAt.peekFirst() - now <= 0) {
            freeAt.pollFirst();
        }
        if (inFlight + freeAt.size() >= limit) {
            return freeAt.isEmpty() ? IN_FLIGHT_POLL_NANOS : Math.max(1, freeAt.peekFirst() - now);
        }
        // On schedule, or less than a slot late (a timer waking late, a wait for the window): keep
        // the schedule, so lateness does not add up. Later than that (idle): restart it from now.
        next = (started && now - next <= spacing ? next : now) + spacing;
        started = true;
        inFlight++;
        return 0;
    }

    /** A call that held a permit has ended now. */
    void done() {
        done(nanoTime.getAsLong());
    }

    synchronized void done(long now) {
        if (inFlight == 0) {
            throw new IllegalStateException("done() without a permit");
        }
        inFlight--;
        // Answers are recorded in time order under this lock, so the queue stays ascending.
        long free = now + hold;
        freeAt.addLast(freeAt.isEmpty() ? free : Math.max(free, freeAt.peekLast()));
    }
}
