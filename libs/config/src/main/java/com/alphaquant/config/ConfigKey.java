package com.alphaquant.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting of {@code alpha_config.yaml}: its property name (the same in the file, in Spring and
 * in the docs), what values it takes, the environment variable that overrides it, its default and
 * who reads it. {@link #parse} turns a value's text into its Java value or says why it cannot.
 *
 * @param name        the dotted property name, e.g. {@code alphaquant.backtest.defaults.commission}
 * @param type        what kind of value it holds
 * @param env         the environment variable that overrides the file
 * @param defaultText what applies when neither sets it (as the reader's own default; null: nothing set)
 * @param secret      read only from {@code env}: never in the file, never printed
 * @param range       numbers only: the accepted interval (null: any)
 * @param choices     {@link Type#CHOICE}, and {@link Type#LIST} items where given: the accepted values
 * @param pattern     {@link Type#TEXT}, and {@link Type#LIST} items where given: the accepted form
 * @param patternHint what {@code pattern} means, for messages
 * @param readBy      which service or command reads it
 * @param description one line for the docs
 */
public record ConfigKey(String name, Type type, String env, String defaultText, boolean secret, Range range,
                        List<String> choices, Pattern pattern, String patternHint, String readBy, String description) {

    /** What kind of value a setting holds. */
    public enum Type { INTEGER, DECIMAL, BOOLEAN, DURATION, DATE, TEXT, CHOICE, LIST }

    /** A closed or half-open interval of numbers. */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

        boolean contains(double x) {
            return (minIncluded ? x >= min : x > min) && (maxIncluded ? x <= max : x < max);
        }

        @Override
        public String toString() {
            return (minIncluded ? "[" : "(") + number(min) + ", " + number(max) + (maxIncluded ? "]" : ")");
        }

        private static String number(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
        }
    }

    /** Spring's simple duration form (what application.yml uses), or ISO-8601 ({@code PT30S}). */
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)");

    public ConfigKey {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The key within its section path: the part after the last dot. */
    public String leaf() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The Java value of {@code text}: Long, Double, Boolean, Duration, LocalDate, String or
     * List&lt;String&gt; (a list's text is comma-separated, as in an environment variable).
     *
     * @throws IllegalArgumentException saying what the value must be and what it was
     */
    public Object parse(String text) {
        String t = text.trim();
        return switch (type) {
            case INTEGER -> number(t, true);
            case DECIMAL -> number(t, false);
            case BOOLEAN -> {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw wrong("true or false", t);
                }
                yield Boolean.parseBoolean(t);
            }
            case DURATION -> duration(t);
            case DATE -> {
                try {
                    yield LocalDate.parse(t);
                } catch (DateTimeParseException e) {
                    throw wrong("a date yyyy-MM-dd", t);
                }
            }
            case TEXT -> item(t, "");
            case CHOICE -> {
                if (!choices.contains(t)) {
                    throw wrong("one of " + String.join(", ", choices), t);
                }
                yield t;
            }
            case LIST -> list(t);
        };
    }

    /** A list given item by item (a YAML sequence). */
    public List<String> parseItems(List<String> items) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            checked.add(item(items.get(i).trim(), "item " + (i + 1) + " "));
        }
        return List.copyOf(checked);
    }

    private List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return parseItems(items);
    }

    private String item(String t, String which) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException(which + "must not be empty");
        }
        if (!choices.isEmpty() && !choices.contains(t)) {
            throw new IllegalArgumentException(which + "must be one of " + String.join(", ", choices) + ", got '" + t + "'");
        }
        if (pattern != null && !pattern.matcher(t).matches()) {
            throw new IllegalArgumentException(which + "must be " + patternHint + ", got '" + t + "'");
        }
        return t;
    }

    private Object number(String t, boolean whole) {
        String kind = whole ? "a whole number" : "a number";
        String expected = range == null ? kind : kind + " in " + range;
        double x;
        Object value;
        try {
            if (whole) {
                long n = Long.parseLong(t.replace("_", ""));
                x = n;
                value = n;
            } else {
                x = Double.parseDouble(t);
                value = x;
            }
        } catch (NumberFormatException e) {
            throw wrong(expected, t);
        }
        if (!Double.isFinite(x) || range != null && !range.contains(x)) {
            throw new IllegalArgumentException("must be " + expected + ", got " + t);
        }
        return value;
    }

    private Duration duration(String t) {
        Duration d = null;
        Matcher m = DURATION.matcher(t.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ns" -> Duration.ofNanos(n);
                    case "us" -> Duration.ofNanos(n * 1000);
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
                d = Duration.parse(t);
            }
        } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
            d = null;
        }
        if (d == null) {
            throw wrong("a duration with its unit, such as 500ms, 30s, 2m, 24h or 7d", t);
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be a duration above zero, got " + t);
        }
        return d;
    }

    private static IllegalArgumentException wrong(String expected, String got) {
        return new IllegalArgumentException("must be " + expected + ", got '" + got + "'");
    }
}
