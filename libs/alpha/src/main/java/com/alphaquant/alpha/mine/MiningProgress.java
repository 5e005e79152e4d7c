package com.alphaquant.alpha.mine;

/** Where a mining run stands, told as it goes (a progress bar, a job's status). */
@FunctionalInterface
public interface MiningProgress {

    void update(MiningStatus status);

    MiningProgress NONE = s -> {
    };
}
