package com.alphaquant.gateway.auth;

import java.util.Objects;

/**
 * A caller the gateway knows: its name, what it may do and its own rate limit.
 *
 * @param requestsPerSecond its sustained rate
 * @param burst             how many requests it may make at once after a quiet spell
 */
public record ApiKey(String name, Role role, int requestsPerSecond, int burst) {

    /** The exchange attribute holding the caller's key once authenticated. */
    public static final String EXCHANGE_ATTRIBUTE = ApiKey.class.getName();

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (requestsPerSecond < 1 || burst < requestsPerSecond) {
            throw new IllegalArgumentException("API key " + name + ": requests-per-second must be at least 1 and burst at least "
                    + "requests-per-second, got " + requestsPerSecond + " and " + burst);
        }
    }

    /** {@code read} may only read; {@code write} may also submit and delete. */
    public enum Role {
        READ, WRITE;

        static Role parse(String keyName, String text) {
            if (text != null) {
                for (Role r : values()) {
                    if (r.name().equalsIgnoreCase(text.trim())) {
                        return r;
                    }
                }
            }
            throw new IllegalArgumentException("API key " + keyName + ": role must be read or write, got " + text);
        }
    }
}
