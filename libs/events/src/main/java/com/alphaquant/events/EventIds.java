package com.alphaquant.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic event ids: the same facts give the same id, which makes consumers idempotent. */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the parts, e.g. {@code of("strategy.signals", "multi_factor", "2024-01-02", "600519.SH", "v1")}. */
    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
