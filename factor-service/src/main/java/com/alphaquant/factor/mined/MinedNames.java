package com.alphaquant.factor.mined;

import com.alphaquant.alpha.expr.Expr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name a mined formula is asked for by: {@code ALPHA_} and the first 8 hex digits of the
 * SHA-256 of its canonical form ({@link Expr#key()}), so that the same formula, found again or
 * with a commutative operator's operands the other way round, has the same name, and a name
 * never changes meaning.
 */
public final class MinedNames {

    public static final Pattern PATTERN = Pattern.compile("ALPHA_[0-9a-f]{8}");

    private MinedNames() {
    }

    public static String of(Expr formula) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(formula.key().getBytes(StandardCharsets.UTF_8));
            return "ALPHA_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Whether {@code name} has the form of a mined formula's name (it may still be unknown). */
    public static boolean looksMined(String name) {
        return PATTERN.matcher(name).matches();
    }
}
