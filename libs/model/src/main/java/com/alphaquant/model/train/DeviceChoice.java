package com.alphaquant.model.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where a model trains or predicts: {@code cpu}, {@code gpu} (CUDA, or fail) or {@code auto}. */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    /** {@code cpu}, {@code gpu} or {@code auto}, in any case. */
    public static DeviceChoice parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("device '" + value + "' is unknown: cpu, gpu or auto", e);
        }
    }

    /**
     * The DJL device on {@code engine}.
     *
     * @throws DeviceUnavailableException for {@code GPU} when the engine sees no CUDA device
     */
    public Device resolve(Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new DeviceUnavailableException("device gpu was requested, but DJL's " + engine.getEngineName()
                            + " " + engine.getVersion() + " engine finds no CUDA device (the CPU natives are loaded"
                            + " or no GPU is present); use device cpu or auto");
                }
                yield Device.gpu();
            }
        };
    }
}
