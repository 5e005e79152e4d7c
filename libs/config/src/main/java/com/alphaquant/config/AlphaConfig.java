package com.alphaquant.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platform's effective configuration: for every {@link ConfigSchema} key, the value of its
 * environment variable, else the file's, else the reader's default, each checked against the
 * schema. Loaded the same way by the CLI and, through {@code com.alphaquant.config.spring}, by
 * every service; a missing file means defaults, an invalid one a {@link ConfigException}.
 */
public final class AlphaConfig {

    /** Names a file other than the default. */
    public static final String FILE_ENV = "ALPHAQUANT_CONFIG";
    public static final String FILE_PROPERTY = "alphaquant.config";
    /** Where the file is looked for when neither names one, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("config", "alpha_config.yaml");

    /** Where a setting's value comes from. */
    public enum Source {
        DEFAULT, FILE, ENVIRONMENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One key's effective value.
     *
     * @param value  the parsed value (see {@link ConfigKey#parse}); null when not set and without a default
     * @param text   the value as written (lists comma-separated); null when not set
     * @param source where it comes from
     */
    public record Setting(ConfigKey key, Object value, String text, Source source) {

        public boolean isSet() {
            return value != null;
        }
    }

    private final Path file;
    private final Map<String, Setting> settings;

    private AlphaConfig(Path file, Map<String, Setting> settings) {
        this.file = file;
        this.settings = settings;
    }

    /**
     * The file to read: {@code ALPHAQUANT_CONFIG} from the environment, else the system property
     * {@code alphaquant.config}, else {@link #DEFAULT_FILE} in the working directory. It may not exist.
     */
    public static Path locate(Function<String, String> environment, Function<String, String> systemProperties) {
        String named = environment.apply(FILE_ENV);
        if (named == null || named.isBlank()) {
            named = systemProperties.apply(FILE_PROPERTY);
        }
        return named == null || named.isBlank() ? DEFAULT_FILE.toAbsolutePath() : Path.of(named.trim()).toAbsolutePath();
    }

    /** {@link #load(Path, Map)} of the located file with this process's environment. */
    public static AlphaConfig load() {
        return load(locate(System::getenv, System::getProperty), System.getenv());
    }

    /**
     * Reads {@code file} (absent: defaults only) and applies {@code environment} over it.
     *
     * @throws ConfigException naming the file and line or the environment variable, the key and the reason
     */
    public static AlphaConfig load(Path file, Map<String, String> environment) {
        boolean present = file != null && Files.exists(file);
        if (present && !Files.isRegularFile(file)) {
            throw ConfigException.at(file, 0, null, "is not a file");
        }
        Map<String, ConfigFile.Raw> written = new LinkedHashMap<>();
        if (present) {
            for (ConfigFile.Raw raw : ConfigFile.read(file)) {
                written.put(raw.key(), raw);
            }
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (ConfigKey key : ConfigSchema.keys()) {
            String env = environment.get(key.env());
            ConfigFile.Raw raw = written.get(key.name());
            Setting s;
            if (env != null && !env.isBlank()) {
                s = new Setting(key, parse(key, env, "environment variable " + key.env()), env.trim(), Source.ENVIRONMENT);
            } else if (raw != null) {
                s = fromFile(key, raw, file);
            } else {
                s = new Setting(key, key.defaultText() == null || key.defaultText().contains("${") ? null
                        : key.parse(key.defaultText()), key.defaultText(), Source.DEFAULT);
            }
            settings.put(key.name(), s);
        }
        checkBurst(settings, present ? file : null);
        return new AlphaConfig(present ? file : null, settings);
    }

    /** The one rule between two keys: the gateway refuses a burst below the steady rate. */
    private static void checkBurst(Map<String, Setting> settings, Path file) {
        Setting rate = settings.get("alphaquant.gateway.rate-limit.requests-per-second");
        Setting burst = settings.get("alphaquant.gateway.rate-limit.burst");
        if ((Long) burst.value() < (Long) rate.value()) {
            String where = burst.source() == Source.ENVIRONMENT ? "environment variable " + burst.key().env()
                    : rate.source() == Source.ENVIRONMENT ? "environment variable " + rate.key().env() : String.valueOf(file);
            throw new ConfigException(where, burst.key().name(), "must be at least requests-per-second (" + rate.text()
                    + "), got " + burst.text());
        }
    }

    private static Setting fromFile(ConfigKey key, ConfigFile.Raw raw, Path file) {
        try {
            if (raw.items() != null) {
                List<String> items = key.parseItems(raw.items());
                return new Setting(key, items, String.join(",", items), Source.FILE);
            }
            return new Setting(key, key.parse(raw.text()), raw.text().trim(), Source.FILE);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(file, raw.line(), key.name(), e.getMessage());
        }
    }

    private static Object parse(ConfigKey key, String text, String where) {
        try {
            return key.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where, key.name(), e.getMessage());
        }
    }

    /** The file read, if there was one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Every key's setting, in schema order. */
    public Collection<Setting> settings() {
        return settings.values();
    }

    /** The setting of {@code key}, a name from {@link ConfigSchema}. */
    public Setting get(String key) {
        Setting s = settings.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no configuration key " + key);
        }
        return s;
    }

    /**
     * What the file and the environment set, as Spring properties: lists as indexed entries
     * ({@code key[0]}), secrets left out (their readers take them from the environment themselves),
     * defaults left out (the readers have their own).
     */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Setting s : settings.values()) {
            if (s.source() == Source.DEFAULT || s.key().secret()) {
                continue;
            }
            if (s.value() instanceof List<?> items) {
                if (items.isEmpty()) {
                    properties.put(s.key().name(), ""); // binds as an empty list, over application.yml's
                }
                for (int i = 0; i < items.size(); i++) {
                    properties.put(s.key().name() + "[" + i + "]", items.get(i));
                }
            } else {
                properties.put(s.key().name(), s.text());
            }
        }
        return properties;
    }
}
