package com.alphaquant.gateway.limits;

/**
 * Tokens this replica took from a key's Redis bucket ahead of use, so that a busy key costs one
 * Redis round trip per lease rather than per request (the round trip was the largest part of what
 * the gateway added to a call). Every token used was granted by Redis first, so replicas together
 * never exceed the key's rate; a lease expires after {@code ttlNanos}, so tokens taken during a
 * burst cannot be saved up and spent later on top of the bucket's refill.
 */
final class TokenLease {

    private final int size;
    private final long ttlNanos;
    private int left;
    private long expiresAt;

    /** A lease of a tenth of a second's tokens (at most 100), valid that long: small against any burst. */
    static TokenLease forRate(int requestsPerSecond) {
        return new TokenLease(Math.max(1, Math.min(100, requestsPerSecond / 10)), 100_000_000L);
    }

    TokenLease(int size, long ttlNanos) {
        if (size < 1 || ttlNanos < 1) {
            throw new IllegalArgumentException("A lease needs at least one token and a positive lifetime");
        }
        this.size = size;
        this.ttlNanos = ttlNanos;
    }

    /** How many tokens to ask Redis for when the lease runs out. */
    int size() {
        return size;
    }

    /** Takes a leased token if one is left and the lease has not expired at {@code nanoTime}. */
    synchronized boolean take(long nanoTime) {
        if (left > 0 && nanoTime - expiresAt < 0) {
            left--;
            return true;
        }
        left = 0;
        return false;
    }

    /** Redis granted a whole lease at {@code nanoTime}, one token of which the current request uses. */
    synchronized void granted(long nanoTime) {
        left = size - 1;
        expiresAt = nanoTime + ttlNanos;
    }
}
