package com.alphaquant.strategy.preset;

import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The named presets of strategy {@code multi_factor}: YAML resources {@code presets/<name>.yml}
 * holding every signal and risk parameter (see {@code presets/multi_factor.yml} for the keys).
 * Reading is strict: a missing, unknown or mistyped key, an unknown factor or a value out of range
 * fails with the file and the key named, e.g. {@code presets/x.yml: risk.stop_los: unknown key}.
 */
public final class StrategyPresets {

    /** The presets shipped in this library. */
    public static final List<String> NAMES = List.of("multi_factor", "multi_factor_conservative", "multi_factor_aggressive");

    /** The default preset: {@link MultiFactorParams#DEFAULT} and {@link RiskParams#DEFAULT}. */
    public static final String DEFAULT = "multi_factor";

    private static final Set<String> TOP = Set.of("name", "version", "signal", "risk");
    private static final Set<String> SIGNAL = Set.of("groups", "weights", "buy_above", "sell_below");
    private static final List<String> RISK = List.of("max_position", "max_single_trade", "max_exposure", "stop_loss",
            "trailing_stop", "target_vol", "vol_window");

    private StrategyPresets() {
    }

    /** The preset {@code name} from the class path; an unknown name fails listing the known ones. */
    public static StrategyPreset load(String name) {
        if (name == null || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Invalid preset name '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        String resource = "presets/" + name + ".yml";
        try (InputStream in = StrategyPresets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Unknown strategy preset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
            }
            StrategyPreset preset = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            if (!preset.name().equals(name)) {
                throw new IllegalArgumentException(resource + ": name: '" + preset.name() + "' differs from the file's name");
            }
            return preset;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** Parses one preset; {@code source} names it in messages. */
    public static StrategyPreset parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(source, "", root);
        keys(source, "", top, TOP);
        String name = text(source, "name", top.get("name"));
        String version = text(source, "version", top.get("version"));

        Map<String, Object> signal = map(source, "signal", top.get("signal"));
        keys(source, "signal.", signal, SIGNAL);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>(FactorRegistry.names());
        map(source, "signal.groups", signal.get("groups")).forEach((group, factors) -> {
            String key = "signal.groups." + group;
            if (!(factors instanceof List<?> list) || list.isEmpty()) {
                throw error(source, key, "must be a non-empty list of factor names, got " + factors);
            }
            List<String> names = new ArrayList<>();
            for (Object f : list) {
                String spec = text(source, key, f);
                String factor = spec.startsWith("-") ? spec.substring(1) : spec;
                if (!known.contains(factor)) {
                    throw error(source, key, "unknown factor '" + factor + "' (known: " + String.join(", ", known) + ")");
                }
                names.add(spec);
            }
            groups.put(group, names);
        });
        Map<String, Double> weights = new LinkedHashMap<>();
        map(source, "signal.weights", signal.get("weights")).forEach((sub, w) -> {
            String key = "signal.weights." + sub;
            if (!sub.equals(MultiFactorParams.MODEL) && !groups.containsKey(sub)) {
                throw error(source, key, "unknown key: no group '" + sub + "' (groups: " + String.join(", ", groups.keySet())
                        + ", and " + MultiFactorParams.MODEL + ")");
            }
            weights.put(sub, number(source, key, w));
        });
        double buyAbove = number(source, "signal.buy_above", signal.get("buy_above"));
        double sellBelow = number(source, "signal.sell_below", signal.get("sell_below"));
        MultiFactorParams signalParams = build(source, "signal", () -> new MultiFactorParams(groups, weights, buyAbove, sellBelow));

        Map<String, Object> risk = map(source, "risk", top.get("risk"));
        keys(source, "risk.", risk, Set.copyOf(RISK));
        double[] r = new double[RISK.size() - 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = number(source, "risk." + RISK.get(i), risk.get(RISK.get(i)));
        }
        double window = number(source, "risk.vol_window", risk.get("vol_window"));
        if (window != Math.rint(window)) {
            throw error(source, "risk.vol_window", "must be a whole number of days, got " + window);
        }
        RiskParams riskParams = build(source, "risk", () -> new RiskParams(r[0], r[1], r[2], r[3], r[4], r[5], (int) window));
        return new StrategyPreset(name, version, signalParams, riskParams);
    }

    private static <T> T build(String source, String section, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + section + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String key, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw error(source, key.isEmpty() ? "(top level)" : key, value == null ? "missing" : "must be a mapping, got " + value);
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw error(source, key, "key " + k + " is not text");
            }
        }
        return (Map<String, Object>) m;
    }

    private static void keys(String source, String prefix, Map<String, Object> map, Set<String> expected) {
        for (String k : map.keySet()) {
            if (!expected.contains(k)) {
                throw error(source, prefix + k, "unknown key (expected: " + String.join(", ", new TreeSet<>(expected)) + ")");
            }
        }
        for (String k : new TreeSet<>(expected)) {
            if (!map.containsKey(k)) {
                throw error(source, prefix + k, "missing");
            }
        }
    }

    private static String text(String source, String key, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw error(source, key, value == null ? "missing" : "must be text, got " + value);
        }
        return s;
    }

    private static double number(String source, String key, Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw error(source, key, value == null ? "missing" : "must be a number, got '" + value + "'");
        }
        return n.doubleValue();
    }

    private static IllegalArgumentException error(String source, String key, String what) {
        return new IllegalArgumentException(source + ": " + key + ": " + what);
    }
}
