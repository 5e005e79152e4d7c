package com.alphaquant.support.calls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret services ask of every caller inside the platform ({@code ALPHAQUANT_INTERNAL_TOKEN},
 * property {@code alphaquant.internal-token}), sent as {@value #HEADER}. Unset, nothing is asked
 * (local runs and tests). Compared through SHA-256 digests with {@link MessageDigest#isEqual}, so
 * the time a comparison takes says nothing about the token, not even its length.
 */
public final class InternalToken {

    public static final String HEADER = "X-Internal-Token";
    public static final String PROPERTY = "alphaquant.internal-token";

    private static final InternalToken NONE = new InternalToken(null);

    private final String value;
    private final byte[] digest;

    private InternalToken(String value) {
        this.value = value;
        this.digest = value == null ? null : sha256(value);
    }

    /** The token {@code value}; none when it is null or blank. */
    public static InternalToken of(String value) {
        return value == null || value.isBlank() ? NONE : new InternalToken(value.strip());
    }

    public static InternalToken none() {
        return NONE;
    }

    public boolean configured() {
        return value != null;
    }

    /** The value to send; null when none is configured. */
    String value() {
        return value;
    }

    /** Whether {@code presented} is the token, in time independent of both values. */
    public boolean matches(String presented) {
        return value != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Never the value: a token that reaches a log line by accident must not be readable there. */
    @Override
    public String toString() {
        return configured() ? "InternalToken[configured]" : "InternalToken[none]";
    }
}
