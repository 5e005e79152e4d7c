package com.alphaquant.cli;

import com.alphaquant.config.AlphaConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * config/alpha_config.yaml as the CLI finds it: where the services look ({@code ALPHAQUANT_CONFIG},
 * the system property {@code alphaquant.config}, the working directory), and when none of those
 * has one, the repository's own, so that {@code ./alphaquant} run from another folder still
 * uses it.
 */
public final class CliConfig {

    private static final String PROVIDER = "alphaquant.data.provider";

    private CliConfig() {
    }

    /** The file the CLI reads (it may not exist). */
    public static Path locate() {
        Path located = AlphaConfig.locate(System::getenv, System::getProperty);
        boolean named = System.getenv(AlphaConfig.FILE_ENV) != null || System.getProperty(AlphaConfig.FILE_PROPERTY) != null;
        Path repository = ServiceJar.home().resolve(AlphaConfig.DEFAULT_FILE);
        return !named && !Files.exists(located) && Files.exists(repository) ? repository : located;
    }

    /** The effective configuration, checked: an invalid file is a ConfigException (exit code 2). */
    public static AlphaConfig load() {
        return AlphaConfig.load(locate(), System.getenv());
    }

    /**
     * Whether data comes from the bundled sample through tushare-sim rather than Tushare:
     * {@code alphaquant.data.provider} auto decides by the token, tushare requires it.
     */
    public static boolean simulated(AlphaConfig config, String token) {
        boolean hasToken = token != null && !token.isBlank();
        return switch ((String) config.get(PROVIDER).value()) {
            case "simulator" -> true;
            case "tushare" -> {
                if (!hasToken) {
                    throw new IllegalArgumentException(PROVIDER + " is tushare but TUSHARE_TOKEN is not set: set it in the "
                            + "environment, or use provider auto or simulator");
                }
                yield false;
            }
            default -> !hasToken;
        };
    }
}
