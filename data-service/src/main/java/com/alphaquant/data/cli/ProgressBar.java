package com.alphaquant.data.cli;

import com.alphaquant.data.ingest.IngestService.Progress;

/** One terminal line: a bar, units, rows, call rate and ETA. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(Progress p) {
        int filled = (int) Math.round(p.percent() / 100 * WIDTH);
        String eta = p.etaSeconds() == null ? "" : String.format(" ETA %dm%02ds", p.etaSeconds() / 60, p.etaSeconds() % 60);
        return String.format("[%s%s] %5.1f%% %d/%d units, %,d rows, %d calls (%.0f/min)%s   ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), p.percent(), p.unitsDone(), p.unitsTotal(), p.rowsStored(),
                p.calls(), p.callsPerMinute(), eta);
    }
}
