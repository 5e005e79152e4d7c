package com.alphaquant.gateway.auth;

import com.alphaquant.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The configured keys, found by the SHA-256 of what a caller presents. The configuration holds
 * only hashes, so a leaked configuration does not leak keys; keys are random 256-bit strings,
 * so an unsalted fast hash is enough (there is nothing to guess from it).
 */
public final class ApiKeys {

    private final Map<String, ApiKey> byHash = new HashMap<>();
    private final Map<String, ApiKey> byName = new HashMap<>();

    public ApiKeys(GatewayProperties properties) {
        GatewayProperties.RateLimit defaults = properties.rateLimit();
        for (GatewayProperties.ApiKeyProperties p : properties.apiKeys()) {
            if (p.name() == null || p.name().isBlank()) {
                throw new IllegalArgumentException("alphaquant.gateway.api-keys: every key needs a name");
            }
            if (p.sha256() == null || !p.sha256().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("API key " + p.name() + ": sha256 must be 64 hex digits (the SHA-256 of the key)");
            }
            ApiKey key = new ApiKey(p.name(), ApiKey.Role.parse(p.name(), p.role()),
                    p.requestsPerSecond() != null ? p.requestsPerSecond() : defaults.requestsPerSecond(),
                    p.burst() != null ? p.burst() : Math.max(defaults.burst(), p.requestsPerSecond() != null ? p.requestsPerSecond() : 0));
            if (byName.put(key.name(), key) != null) {
                throw new IllegalArgumentException("alphaquant.gateway.api-keys: the name " + key.name() + " is used twice");
            }
            byHash.put(p.sha256().toLowerCase(), key);
        }
    }

    /** The key whose hash matches what the caller presented. */
    public Optional<ApiKey> forPresented(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(presented)));
    }

    /** A key by its name (what a session cookie carries); empty once the key is removed. */
    public Optional<ApiKey> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every configured key. */
    public Collection<ApiKey> all() {
        return byName.values();
    }

    /** Lowercase hex SHA-256 of a key, as the configuration stores it. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
