package com.alphaquant.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The local platform's API key (write role): made once per data folder and kept there, readable by
 * its owner only, so that a browser's sign-in and a researcher's scripts keep working across runs.
 * The gateway is given only its SHA-256.
 */
record LocalApiKey(String key) {

    static final String NAME = "local";

    static LocalApiKey in(Path dataDir) throws IOException {
        Path file = dataDir.resolve("api-key");
        if (Files.isRegularFile(file)) {
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!key.isEmpty()) {
                return new LocalApiKey(key);
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "aq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return new LocalApiKey(key);
    }

    /** The gateway's environment that admits this key with the write role. */
    Map<String, String> gatewayEnvironment() {
        return Map.of("ALPHAQUANT_GATEWAY_APIKEYS_0_NAME", NAME, "ALPHAQUANT_GATEWAY_APIKEYS_0_ROLE", "write",
                "ALPHAQUANT_GATEWAY_APIKEYS_0_SHA256", sha256(key));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "LocalApiKey[****]"; // never the key itself in a log or a stack trace
    }
}
