package com.alphaquant.factor.mining;

import com.alphaquant.alpha.mine.MiningProgress;
import com.alphaquant.alpha.mine.MiningStatus;
import com.alphaquant.support.jobs.CancellableJobQueue;
import com.alphaquant.support.jobs.JobQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mining job's progress in its row, at most once a second and at the end of the budget:
 * evaluated of budget, accepted, the pool's size and training IC, the last formula taken, the
 * rate and the ETA. Each write reads back whether the owner asked the job to stop; if so, the
 * report throws {@link MiningCancelledException} out of the miner.
 */
final class MiningProgressWriter implements MiningProgress {

    private static final long WRITE_EVERY_NANOS = 1_000_000_000L;

    private final CancellableJobQueue queue;
    private final JobQueue.Claim claim;
    private final JsonMapper json;
    private long startedAt = System.nanoTime();
    private long writtenAt = startedAt - WRITE_EVERY_NANOS;
    private MiningStatus last;

    MiningProgressWriter(CancellableJobQueue queue, JobQueue.Claim claim, JsonMapper json) {
        this.queue = queue;
        this.claim = claim;
        this.json = json;
    }

    /** A phase outside the search (loading the panel, storing the result), with the search's last counts if any. */
    void phase(String phase, double percent) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("phase", phase);
        if (last != null) {
            detail.putAll(counts(last, System.nanoTime()));
            detail.put("etaSeconds", 0);
        }
        write(percent, detail);
    }

    /** The search starts now: the rate and the ETA count from here, not from loading the data. */
    void miningStarts() {
        startedAt = System.nanoTime();
        writtenAt = startedAt - WRITE_EVERY_NANOS;
    }

    @Override
    public void update(MiningStatus s) {
        last = s;
        long now = System.nanoTime();
        if (now - writtenAt < WRITE_EVERY_NANOS && s.evaluated() < s.budget()) {
            return;
        }
        writtenAt = now;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("phase", "mining");
        detail.putAll(counts(s, now));
        // Below 100 until the pool's formulas are stored with the job's success.
        write(Math.min(99, 100.0 * s.evaluated() / s.budget()), detail);
    }

    private Map<String, Object> counts(MiningStatus s, long now) {
        double seconds = (now - startedAt) / 1e9;
        double rate = seconds > 0 ? s.evaluated() / seconds : 0;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("evaluated", s.evaluated());
        detail.put("budget", s.budget());
        detail.put("accepted", s.accepted());
        detail.put("poolSize", s.poolSize());
        detail.put("poolTrainIc", Double.isFinite(s.poolTrainIc()) ? s.poolTrainIc() : null);
        detail.put("lastAccepted", s.lastAccepted());
        detail.put("formulasPerSecond", Math.round(rate * 10) / 10.0);
        detail.put("etaSeconds", rate > 0 ? Math.round((s.budget() - s.evaluated()) / rate) : null);
        return detail;
    }

    private void write(double percent, Map<String, Object> detail) {
        if (!queue.progress(claim, percent, json.writeValueAsString(detail))) {
            throw new MiningCancelledException(claim.jobId());
        }
    }
}
