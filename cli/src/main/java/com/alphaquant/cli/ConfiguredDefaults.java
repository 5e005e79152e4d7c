package com.alphaquant.cli;

import com.alphaquant.config.AlphaConfig;
import com.alphaquant.config.AlphaConfig.Setting;
import com.alphaquant.config.AlphaConfig.Source;
import com.alphaquant.config.ConfigSchema;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of {@code backtest}'s cost and rule options from config/alpha_config.yaml: option
 * {@code --commission} takes {@code alphaquant.backtest.defaults.commission} where the file or its
 * environment variable sets it, else the option's own default. Options given win.
 */
final class ConfiguredDefaults implements IDefaultValueProvider {

    private static final String PREFIX = "alphaquant.backtest.defaults.";

    private AlphaConfig config;

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String key = PREFIX + option.longestName().substring(2);
        if (ConfigSchema.key(key) == null) {
            return null;
        }
        if (config == null) {
            config = CliConfig.load();
        }
        Setting s = config.get(key);
        return s.source() == Source.DEFAULT ? null : s.text();
    }
}
