package com.alphaquant.model.net;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * The PyTorch engine, loaded from the {@code pytorch-native-cpu} jar on the class path. DJL would
 * otherwise download natives (and report telemetry) when it cannot find them; offline mode turns
 * both into a clear failure, so it is switched on here unless the caller decided otherwise.
 * Likewise {@link #THREADS}.
 */
public final class Torch {

    public static final String ENGINE = "PyTorch";
    /**
     * PyTorch's intra-op threads, read once when the engine loads. One unless set: the small
     * preset's tensors are too small to split, and on a shared two-core machine a second OpenMP
     * thread spins waiting for a descheduled partner, measured 3.5 times slower and 3 times the CPU.
     * Concurrent predictions and training jobs run on threads of their own anyway.
     */
    public static final String THREADS = "ai.djl.pytorch.num_threads";

    private Torch() {
    }

    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        return Engine.getEngine(ENGINE);
    }

    /**
     * Runs {@code work} with PyTorch's gradient recording off on this thread. Recording is a
     * per-thread switch that is on in every thread except the one that loaded the engine, so a
     * forward pass on a pool or request thread would otherwise build an autograd graph and keep every
     * intermediate tensor alive until its scope closes. The previous state is restored afterwards.
     */
    public static <T> T withoutGradients(Supplier<T> work) {
        engine();
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            return work.get();
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /** Whether PyTorch records gradients on this thread now. */
    public static boolean recordsGradients() {
        engine();
        return JniUtils.isGradMode();
    }
}
