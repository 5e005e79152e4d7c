package com.alphaquant.model.net;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine, loaded from the {@code pytorch-native-cpu} jar on the class path. DJL would
 * otherwise download natives (and report telemetry) when it cannot find them; offline mode turns
 * both into a clear failure, so it is switched on here unless the caller decided otherwise.
 */
public final class Torch {

    public static final String ENGINE = "PyTorch";

    private Torch() {
    }

    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine(ENGINE);
    }
}
