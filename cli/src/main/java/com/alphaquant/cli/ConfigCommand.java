package com.alphaquant.cli;

import com.alphaquant.config.AlphaConfig;
import com.alphaquant.config.AlphaConfig.Setting;
import com.alphaquant.config.AlphaConfig.Source;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alphaquant config}: the effective configuration, one key a line with where its value
 * comes from (file, environment, default); secrets masked. An invalid file is exit code 2 with
 * the key and the reason.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Check config/alpha_config.yaml and print the effective settings with their source (file, environment, default).",
                "Secrets are masked. Exit code 2 when the file is invalid (the message names the key and the reason)."})
final class ConfigCommand implements Callable<Integer> {

    static final String MASK = "********";

    @Option(names = "--file", paramLabel = "PATH", description = "Check this file instead (default: $ALPHAQUANT_CONFIG, else config/alpha_config.yaml)")
    Path file;

    @Override
    public Integer call() {
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--file " + file + ": no such file");
        }
        Path located = file != null ? file.toAbsolutePath() : CliConfig.locate();
        print(AlphaConfig.load(located, System.getenv()), located, System.out);
        return 0;
    }

    static void print(AlphaConfig config, Path located, PrintStream out) {
        out.println("# " + config.file().map(f -> "file " + f).orElse("no file at " + located + ": defaults and environment"));
        for (Setting s : config.settings()) {
            out.println(line(s));
        }
    }

    /** {@code key = value (source)}; a secret by its environment variable, its value masked. */
    static String line(Setting s) {
        if (s.key().secret()) {
            return s.key().env() + " = " + (s.isSet() ? MASK + " (environment)" : "(not set)");
        }
        if (s.text() == null) {
            return s.key().name() + " = (not set)";
        }
        String source = s.source() == Source.ENVIRONMENT ? "environment " + s.key().env() : s.source().label();
        String value = s.value() instanceof java.util.List<?> items && items.isEmpty() ? "[]" : s.text();
        return s.key().name() + " = " + value + " (" + source + ")";
    }
}
