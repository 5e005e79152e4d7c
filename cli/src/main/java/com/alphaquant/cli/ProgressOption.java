package com.alphaquant.cli;

import picocli.CommandLine.Option;

/**
 * {@code --progress} for the long-running commands (a picocli mixin): stage lines and a progress
 * bar on stderr, shown on a terminal or when asked for, so that scripts get clean output.
 */
final class ProgressOption {

    @Option(names = "--progress", description = "show progress on stderr even when it is not a terminal")
    boolean forced;

    boolean shown() {
        return forced || System.console() != null;
    }

    /** One line saying what the command is doing now. */
    void stage(String what) {
        if (shown()) {
            System.err.println("alphaquant: " + what + "...");
        }
    }

    /** A bar counting {@code unit}, or null when progress is not shown. */
    ProgressBar bar(String unit) {
        return shown() ? new ProgressBar(System.err, unit) : null;
    }
}
