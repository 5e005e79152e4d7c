package com.alphaquant.factor.mining;

import java.util.UUID;

/** Thrown out of a miner's progress report when the job's owner asked it to stop. */
final class MiningCancelledException extends RuntimeException {

    MiningCancelledException(UUID jobId) {
        super("Mining job " + jobId + " was cancelled on request");
    }

    /** Whether {@code e}, or what caused it (a miner's worker thread), is a cancellation. */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MiningCancelledException) {
                return true;
            }
        }
        return false;
    }
}
