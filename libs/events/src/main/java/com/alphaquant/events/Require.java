package com.alphaquant.events;

import com.alphaquant.market.TsCode;
import java.util.Collection;

/** Construction checks shared by the event records; messages name the event and the field. */
final class Require {

    private Require() {
    }

    static <T> T nonNull(String event, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(event + "." + field + " is required");
        }
        return value;
    }

    static String text(String event, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(event + "." + field + " is required");
        }
        return value;
    }

    static void version(String event, int version, int supported) {
        if (version < 1 || version > supported) {
            throw new IllegalArgumentException(event + " schemaVersion " + version + " is not supported (1.." + supported + ")");
        }
    }

    static void tsCodes(String event, String field, Collection<String> codes) {
        nonNull(event, field, codes);
        for (String code : codes) {
            if (!TsCode.isValid(code)) {
                throw new IllegalArgumentException(event + "." + field + " has invalid ts_code '" + code + "'");
            }
        }
    }
}
