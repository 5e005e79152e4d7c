package com.alphaquant.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's sign-in: a cookie carrying the key's name and an expiry, signed with HMAC-SHA256.
 * Stateless, so any gateway replica accepts it; it never carries the key itself.
 */
public final class SessionCookies {

    public static final String NAME = "AQ_SESSION";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    public SessionCookies(String secret, Duration ttl, Clock clock) {
        this.secret = secret != null && !secret.isBlank() ? secret.getBytes(StandardCharsets.UTF_8) : randomSecret();
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A cookie value for the key named {@code keyName}, valid for the session's time to live. */
    public String issue(String keyName) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = B64.encodeToString(keyName.getBytes(StandardCharsets.UTF_8)) + "." + expires;
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The key name a cookie was issued for, when its signature holds and it has not expired. */
    public Optional<String> verify(String cookie) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        int lastDot = cookie.lastIndexOf('.');
        int firstDot = cookie.indexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, lastDot);
        try {
            if (!MessageDigest.isEqual(mac(payload), B64D.decode(cookie.substring(lastDot + 1)))) {
                return Optional.empty();
            }
            long expires = Long.parseLong(payload.substring(firstDot + 1));
            if (clock.instant().getEpochSecond() >= expires) {
                return Optional.empty();
            }
            return Optional.of(new String(B64D.decode(payload.substring(0, firstDot)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) { // bad base64 or number: a forged or mangled cookie
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
