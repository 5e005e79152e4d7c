package com.alphaquant.data.tushare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * CallPacer in simulated time: workers call as fast as the pacer lets them, calls take random
 * times to arrive and to be answered, timers wake late. No 60 s window of arrivals ever holds more
 * calls than the limit, and with quick answers the pacer reaches over 99% of the limit.
 */
class CallPacerTest {

    static final long MS = 1_000_000;
    static final long MINUTE = 60_000 * MS;

    /** When each call arrived at "Tushare", in simulated nanoseconds, and when the last was answered. */
    record Run(List<Long> arrivals, long end) {}

    /**
     * {@code workers} callers making {@code calls} calls in all; a call is answered after
     * {@code latency} (random, from the given generator) and arrives somewhere in between; a
     * waiting caller wakes up to {@code lateWakeMs} late.
     */
    static Run simulate(int limit, int workers, int calls, Random rnd, java.util.function.LongSupplier latency, int lateWakeMs) {
        CallPacer pacer = new CallPacer(limit, () -> {
            throw new AssertionError("simulated time only");
        });
        // Events: {time, worker, kind} with kind 0 = try to send, 1 = answered.
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(b[2], a[2])); // at the same instant, answers first
        for (int w = 0; w < workers; w++) {
            events.add(new long[] {0, w, 0});
        }
        List<Long> arrivals = new ArrayList<>();
        int sent = 0;
        long end = 0;
        while (!events.isEmpty()) {
            long[] e = events.poll();
            long now = e[0];
            if (e[2] == 1) {
                pacer.done(now);
                end = now;
                if (sent < calls) {
                    events.add(new long[] {now, e[1], 0});
                }
                continue;
            }
            if (sent >= calls) {
                continue;
            }
            long wait = pacer.tryAcquire(now);
            if (wait > 0) {
                events.add(new long[] {now + wait + (lateWakeMs > 0 ? rnd.nextInt(lateWakeMs * 1000) * 1000L : 0), e[1], 0});
                continue;
            }
            sent++;
            long answer = Math.max(1, latency.getAsLong());
            arrivals.add(now + (long) (rnd.nextDouble() * answer));
            events.add(new long[] {now + answer, e[1], 1});
        }
        Collections.sort(arrivals);
        return new Run(arrivals, end);
    }

    /** The most arrivals inside any window of 60 s, as Tushare (and tushare-sim) count them. */
    static int busiestMinute(List<Long> arrivals) {
        int most = 0;
        int first = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            while (arrivals.get(i) - arrivals.get(first) >= MINUTE) {
                first++;
            }
            most = Math.max(most, i - first + 1);
        }
        return most;
    }

    @Test
    void noMinuteEverSeesMoreThanTheLimit() {
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            for (int limit : new int[] {3, 50, 200, 500}) {
                for (int workers : new int[] {1, 5, 40}) {
                    // Mostly quick answers, some slow, a few very slow (a timeout's worth).
                    Run run = simulate(limit, workers, limit * 3 + 7, rnd, () -> {
                        double p = rnd.nextDouble();
                        return (p < 0.9 ? 5 + rnd.nextInt(300) : p < 0.99 ? 1_000 + rnd.nextInt(4_000) : 30_000) * MS;
                    }, 3);
                    assertThat(busiestMinute(run.arrivals())).as("limit %d, %d workers, seed %d", limit, workers, seed)
                            .isLessThanOrEqualTo(limit);
                }
            }
        }
    }

    @Test
    void quickAnswersReachOverNinetyNinePercentOfTheLimit() {
        Random rnd = new Random(7);
        int limit = 200;
        int calls = 1_000;
        Run run = simulate(limit, 5, calls, rnd, () -> (10 + rnd.nextInt(40)) * MS, 3);
        double minutes = run.end() / (double) MINUTE;
        double rate = (calls - 1) / minutes;
        assertThat(rate / limit).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(busiestMinute(run.arrivals())).isEqualTo(limit);
    }

    @Test
    void sendsAreSpacedEvenlyAndLateTimersDoNotAddUp() {
        CallPacer pacer = new CallPacer(200, () -> 0);
        long spacing = MINUTE / 200;
        long now = 0;
        assertThat(pacer.tryAcquire(now)).isZero();
        pacer.done(now + 5 * MS);
        for (int i = 1; i < 100; i++) {
            long wait = pacer.tryAcquire(now);
            assertThat(wait).isEqualTo(i * spacing - now);
            now += wait + 2 * MS; // every timer 2 ms late
            assertThat(pacer.tryAcquire(now)).isZero();
            pacer.done(now + 5 * MS);
        }
        // The 100th call went 2 ms after its slot, not 100 x 2 ms.
        assertThat(now).isEqualTo(99 * spacing + 2 * MS);
        // After a long pause the schedule restarts: one call at once, the next a slot later.
        now += 10 * MINUTE;
        assertThat(pacer.tryAcquire(now)).isZero();
        assertThat(pacer.tryAcquire(now)).isEqualTo(spacing);
    }

    @Test
    void aPermitIsHeldUntilAMinuteAfterTheAnswer() {
        AtomicLong clock = new AtomicLong();
        CallPacer pacer = new CallPacer(2, clock::get);
        assertThat(pacer.tryAcquire(0)).isZero();
        assertThat(pacer.tryAcquire(30_000 * MS)).isZero();
        // Both in flight: the third waits for an answer, whenever the schedule allows.
        assertThat(pacer.tryAcquire(60_000 * MS)).isPositive();
        pacer.done(61_000 * MS);
        pacer.done(62_000 * MS);
        long free = 61_000 * MS + CallPacer.WINDOW.toNanos() + CallPacer.MARGIN.toNanos();
        assertThat(pacer.tryAcquire(62_000 * MS)).isEqualTo(free - 62_000 * MS);
        assertThat(pacer.tryAcquire(free)).isZero();
    }

    @Test
    void pacedCallsReleaseTheirPermitHoweverTheyEnd() {
        AtomicLong clock = new AtomicLong();
        CallPacer pacer = new CallPacer(60_000, clock::get); // 1 ms apart
        StepVerifier.create(pacer.paced(() -> Mono.just("ok"))).expectNext("ok").verifyComplete();
        clock.addAndGet(MS);
        StepVerifier.create(pacer.paced(() -> Mono.error(new IllegalStateException("boom"))))
                .verifyErrorMessage("boom");
        clock.addAndGet(MS);
        Disposable hanging = pacer.paced(() -> Mono.never()).subscribe();
        hanging.dispose();
        // Three answered calls hold three permits; nothing is left in flight.
        assertThatThrownBy(() -> pacer.done(clock.get())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallerCancelledWhileWaitingHoldsNothing() {
        AtomicLong clock = new AtomicLong();
        CallPacer pacer = new CallPacer(1, clock::get);
        assertThat(pacer.tryAcquire(0)).isZero();
        Disposable waiting = pacer.paced(() -> Mono.just(1)).subscribe();
        waiting.dispose();
        pacer.done(0);
        assertThatThrownBy(() -> pacer.done(0)).isInstanceOf(IllegalStateException.class);
        assertThat(Duration.ofNanos(pacer.tryAcquire(1))).isGreaterThan(Duration.ofSeconds(59));
    }
}
