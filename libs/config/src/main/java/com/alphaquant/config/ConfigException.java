package com.alphaquant.config;

import java.nio.file.Path;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong kind or out of its
 * range, a secret written in the file, a file that is not YAML. The message names where (the file
 * and line, or the environment variable), the key and the reason, ready to show as it is.
 */
public final class ConfigException extends IllegalArgumentException {

    private final String key;

    ConfigException(String where, String key, String reason) {
        super(where + ": " + (key == null ? "" : key + ": ") + reason);
        this.key = key;
    }

    /** A problem at a line of a file (line 0: the file as a whole). */
    static ConfigException at(Path file, int line, String key, String reason) {
        return new ConfigException(line > 0 ? file + ":" + line : file.toString(), key, reason);
    }

    /** The key the problem is about; null when it is about the file as a whole. */
    public String key() {
        return key;
    }
}
