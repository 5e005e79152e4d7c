package com.alphaquant.tusharesim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Faults to inject, parsed from a spec string (see README "Fault grammar"):
 * <pre>
 * spec  := '' | 'none' | rule (',' rule)*
 * rule  := body ['/' api]                 scope: count and fire only on calls to that api
 * body  := kind ':' P                     each call, with probability P in [0,1]
 *        | kind '@' N | kind '@' N '-' M  exactly the N-th call (or calls N..M), 1-based
 *        | 'every:' kind ':' N            every N-th call (N, 2N, 3N, ...)
 *        | kind                           every call (probability 1)
 * kind  := 429 | 500 | 502 | 503 | 504 | 5xx | ratelimit | daylimit | permission | token | timeout | malformed
 * </pre>
 * Calls are numbered from 1 since the plan was installed (at start, by POST /_sim/faults or a
 * reset); a scoped rule counts only calls to its api. Counted rules (@, every) win over
 * probabilistic ones, first listed first; then one uniform draw from the seeded RNG picks at
 * most one probabilistic rule (their probabilities stack, so {@code 429:0.1,5xx:0.05} fails 15%
 * of calls). {@code 5xx} picks 500, 502 or 503 with the same RNG.
 */
final class FaultPlan {

    /** What a fault does to a call. */
    enum Kind {
        HTTP_429("429"), HTTP_500("500"), HTTP_502("502"), HTTP_503("503"), HTTP_504("504"), HTTP_5XX("5xx"),
        RATELIMIT("ratelimit"), DAYLIMIT("daylimit"), PERMISSION("permission"), TOKEN("token"),
        TIMEOUT("timeout"), MALFORMED("malformed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        int httpStatus() {
            return switch (this) {
                case HTTP_429 -> 429;
                case HTTP_500 -> 500;
                case HTTP_502 -> 502;
                case HTTP_503 -> 503;
                case HTTP_504 -> 504;
                default -> 200;
            };
        }

        static Kind of(String label) {
            String l = label.trim().toLowerCase(Locale.ROOT);
            if (l.equals("nopermission")) {
                return PERMISSION;
            }
            for (Kind k : values()) {
                if (k.label.equals(l)) {
                    return k;
                }
            }
            return null;
        }
    }

    private enum Mode { PROBABILITY, AT, EVERY }

    private record Rule(Kind kind, Mode mode, double p, long from, long to, String api) {

        boolean counted(long n) {
            return switch (mode) {
                case AT -> n >= from && n <= to;
                case EVERY -> n % from == 0;
                default -> false;
            };
        }
    }

    static final FaultPlan NONE = new FaultPlan("", List.of(), 0);

    private final String spec;
    private final List<Rule> rules;
    private final long seed;
    private final Random rng;
    private final boolean hasProbabilities;
    private long calls;
    private final Map<String, Long> callsByApi = new HashMap<>();

    private FaultPlan(String spec, List<Rule> rules, long seed) {
        this.spec = spec;
        this.rules = rules;
        this.seed = seed;
        this.rng = new Random(seed);
        this.hasProbabilities = rules.stream().anyMatch(r -> r.mode == Mode.PROBABILITY);
    }

    /** Parses a spec; a mistake is an IllegalArgumentException naming the rule and what was expected. */
    static FaultPlan parse(String spec, long seed) {
        String text = spec == null ? "" : spec.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return new FaultPlan("", List.of(), seed);
        }
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split(",")) {
            String part = raw.trim();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Fault spec '" + text + "' has an empty rule");
            }
            rules.add(rule(part));
        }
        checkProbabilities(rules, text);
        return new FaultPlan(text, List.copyOf(rules), seed);
    }

    private static Rule rule(String part) {
        String body = part;
        String api = null;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            body = part.substring(0, slash).trim();
            api = part.substring(slash + 1).trim();
            if (ApiCatalog.api(api) == null) {
                throw bad(part, "'" + api + "' after '/' is not an api the simulator serves " + ApiCatalog.names());
            }
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("every:")) {
            String rest = body.substring("every:".length());
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw bad(part, "expected every:KIND:N");
            }
            long n = count(part, rest.substring(colon + 1));
            return new Rule(kind(part, rest.substring(0, colon)), Mode.EVERY, 0, n, n, api);
        }
        int at = body.indexOf('@');
        if (at >= 0) {
            Kind kind = kind(part, body.substring(0, at));
            String range = body.substring(at + 1).trim();
            int dash = range.indexOf('-');
            long from = count(part, dash < 0 ? range : range.substring(0, dash));
            long to = dash < 0 ? from : count(part, range.substring(dash + 1));
            if (to < from) {
                throw bad(part, "range " + range + " ends before it starts");
            }
            return new Rule(kind, Mode.AT, 0, from, to, api);
        }
        int colon = body.indexOf(':');
        if (colon >= 0) {
            Kind kind = kind(part, body.substring(0, colon));
            String p = body.substring(colon + 1).trim();
            double probability;
            try {
                probability = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw bad(part, "'" + p + "' is not a probability (a number from 0 to 1)");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw bad(part, "probability " + p + " is not within [0, 1]");
            }
            return new Rule(kind, Mode.PROBABILITY, probability, 0, 0, api);
        }
        return new Rule(kind(part, body), Mode.PROBABILITY, 1.0, 0, 0, api);
    }

    private static Kind kind(String part, String label) {
        Kind kind = Kind.of(label);
        if (kind == null) {
            throw bad(part, "unknown fault kind '" + label.trim() + "'; kinds: 429, 500, 502, 503, 504, 5xx, ratelimit, "
                    + "daylimit, permission, token, timeout, malformed");
        }
        return kind;
    }

    private static long count(String part, String text) {
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(part, "'" + text.trim() + "' is not a call number (an integer >= 1)");
    }

    private static void checkProbabilities(List<Rule> rules, String text) {
        double global = 0;
        Map<String, Double> scoped = new HashMap<>();
        for (Rule r : rules) {
            if (r.mode == Mode.PROBABILITY) {
                if (r.api == null) {
                    global += r.p;
                } else {
                    scoped.merge(r.api, r.p, Double::sum);
                }
            }
        }
        if (global > 1 + 1e-9) {
            throw new IllegalArgumentException("Fault spec '" + text + "': probabilities add up to " + global + ", more than 1");
        }
        for (Map.Entry<String, Double> e : scoped.entrySet()) {
            if (global + e.getValue() > 1 + 1e-9) {
                throw new IllegalArgumentException("Fault spec '" + text + "': probabilities for " + e.getKey()
                        + " add up to " + (global + e.getValue()) + ", more than 1");
            }
        }
    }

    private static IllegalArgumentException bad(String part, String problem) {
        return new IllegalArgumentException("Bad fault rule '" + part + "': " + problem
                + " (grammar: KIND:P | KIND@N | KIND@N-M | every:KIND:N | KIND, each optionally /API)");
    }

    String spec() {
        return spec;
    }

    long seed() {
        return seed;
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** A fresh copy: call numbers from 1 again, RNG reseeded. */
    FaultPlan restart() {
        return new FaultPlan(spec, rules, seed);
    }

    /** Numbers this call and returns the fault to inject (5xx resolved to a status), or null. */
    synchronized Kind next(String api) {
        if (rules.isEmpty()) {
            return null;
        }
        long n = ++calls;
        long apiN = callsByApi.merge(api, 1L, Long::sum);
        Kind chosen = null;
        for (Rule r : rules) {
            if (r.mode != Mode.PROBABILITY && (r.api == null || r.api.equals(api)) && r.counted(r.api == null ? n : apiN)) {
                chosen = r.kind;
                break;
            }
        }
        if (chosen == null && hasProbabilities) {
            double u = rng.nextDouble();
            double acc = 0;
            for (Rule r : rules) {
                if (r.mode == Mode.PROBABILITY && (r.api == null || r.api.equals(api))) {
                    acc += r.p;
                    if (u < acc) {
                        chosen = r.kind;
                        break;
                    }
                }
            }
        }
        if (chosen == Kind.HTTP_5XX) {
            Kind[] pick = {Kind.HTTP_500, Kind.HTTP_502, Kind.HTTP_503};
            chosen = pick[rng.nextInt(pick.length)];
        }
        return chosen;
    }
}
