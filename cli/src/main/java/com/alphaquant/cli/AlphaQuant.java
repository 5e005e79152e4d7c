package com.alphaquant.cli;

import com.alphaquant.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alphaquant} command line. Exit codes: 0 success, 1 failure, 2 bad arguments. */
@Command(name = "alphaquant", mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "AlphaQuant: research, backtests and signals for China A-shares.",
        subcommands = {com.alphaquant.cli.up.UpCommand.class, VersionCommand.class, RulesCommand.class, BacktestCommand.class, FactorsCommand.class, TrainCommand.class, MineCommand.class, IngestCommand.class, ReplayCommand.class, ConfigCommand.class,
                com.alphaquant.tusharesim.TushareSimCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class AlphaQuant {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AlphaQuant());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Bad values found while running (a malformed file, a date outside the data) are the
            // user's to fix: one line naming the problem, no stack trace.
            cmd.getErr().println("alphaquant: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        // An invalid config/alpha_config.yaml met while reading options' defaults (backtest's): its
        // message alone, like any other bad value, not picocli's parse error and usage.
        CommandLine.IParameterExceptionHandler parseErrors = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, arguments) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException config) {
                    e.getCommandLine().getErr().println("alphaquant: " + config.getMessage());
                    return 2;
                }
            }
            return parseErrors.handleParseException(e, arguments);
        });
        return cli.execute(args);
    }
}
