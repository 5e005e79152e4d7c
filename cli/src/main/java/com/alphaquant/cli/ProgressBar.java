package com.alphaquant.cli;

import java.io.PrintStream;

/**
 * The CLI's one progress bar, on stderr: redrawn when the whole percent or the detail changes;
 * safe to call from several threads. Every long command (factors, backtests, ingestion) draws it.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String unit;
    private int shownPercent = -1;
    private String shownDetail = "";
    private boolean finished;

    public ProgressBar(PrintStream err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    public void update(long done, long total) {
        update(done, total, "");
    }

    /** {@code detail} follows the count, e.g. "14,624 rows, 12 calls". */
    public synchronized void update(long done, long total, String detail) {
        int percent = total == 0 ? 100 : (int) (100L * Math.min(done, total) / total);
        if (finished || (percent == shownPercent && detail.equals(shownDetail))) {
            return;
        }
        shownPercent = percent;
        shownDetail = detail;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% (" + done + "/" + total + " "
                + unit + (detail.isEmpty() ? "" : ", " + detail) + ")   ");
        if (done >= total) {
            finished = true;
            err.println();
        }
        err.flush();
    }
}
