package com.alphaquant.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class TorchTest {

    @Test
    void pyTorchLoadsFromTheClassPathWithoutTheNetwork() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Engine engine = Torch.engine();
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.getVersion()).isEqualTo("2.7.1");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3});
            assertThat(a.mul(manager.create(2f)).toFloatArray()).containsExactly(2, 4, 6);
        }
    }
}
