package com.alphaquant.cli;

import java.io.PrintStream;

/** A progress bar on stderr, redrawn at each whole percent; safe to call from several threads. */
final class ProgressBar {

    private final PrintStream err;
    private final String unit;
    private int shown = -1;

    ProgressBar(PrintStream err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    synchronized void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = percent * 30 / 100;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + percent + "% (" + done + "/" + total + " "
                + unit + ")");
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
