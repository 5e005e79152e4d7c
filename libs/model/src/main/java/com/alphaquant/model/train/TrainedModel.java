package com.alphaquant.model.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.AlphaTransformer;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.net.Torch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Properties;

/**
 * A trained transformer ready to predict. {@link #predict} may be called from many threads at
 * once: the weights are shared read-only and every call works in its own NDManager scope, closed
 * before it returns, so native memory does not grow with the number of calls.
 *
 * <p>On disk a model is a directory with {@value #CONFIG} (the {@link ModelConfig} and format) and
 * {@value #PARAMETERS} (DJL's parameter encoding).
 */
public final class TrainedModel implements AutoCloseable {

    public static final String CONFIG = "model.properties";
    public static final String PARAMETERS = "parameters.bin";
    static final String FORMAT = "alphaquant-transformer/1";
    /**
     * Samples per forward pass in {@link #predict}. A pass keeps its intermediates (attention
     * weights are batch × heads × steps² floats per layer) until it ends; at 1,024 samples that is
     * gigabytes of fresh memory and 4 s per pass here, at 256 about 50 ms, the fastest measured.
     */
    static final int CHUNK = 256;

    private final ModelConfig config;
    private final Model model;
    private final AlphaTransformer net;

    private TrainedModel(ModelConfig config, Model model, AlphaTransformer net) {
        this.config = config;
        this.model = model;
        this.net = net;
    }

    /** A model with the parameters that {@code AlphaTransformer.saveParameters} wrote. */
    static TrainedModel fromParameters(ModelConfig config, InputStream parameters, DeviceChoice device) {
        Engine engine = Torch.engine();
        Model model = Model.newInstance("alphaquant", device.resolve(engine), Torch.ENGINE);
        try {
            AlphaTransformer net = new AlphaTransformer(config);
            net.loadParameters(model.getNDManager(), new DataInputStream(parameters));
            for (Parameter p : net.getParameters().values()) {
                p.getArray().setRequiresGradient(false);
            }
            model.setBlock(net);
            return new TrainedModel(config, model, net);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException("parameters do not fit the model config " + config + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static TrainedModel load(Path dir) {
        return load(dir, DeviceChoice.CPU);
    }

    /**
     * @throws IllegalArgumentException when {@code dir} holds no saved model or one of another format
     */
    public static TrainedModel load(Path dir, DeviceChoice device) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(CONFIG))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no saved model in " + dir + " (" + CONFIG + " is missing)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException(dir + " holds format " + p.getProperty("format") + ", expected " + FORMAT);
        }
        ModelConfig config = ModelConfig.fromProperties(p);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(PARAMETERS)))) {
            return fromParameters(config, in, device);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no saved model in " + dir + " (" + PARAMETERS + " is missing)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the model into {@code dir} (created if absent); each file appears whole or not at all. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Properties p = config.toProperties();
            p.setProperty("format", FORMAT);
            p.setProperty("engine", Torch.ENGINE + " " + model.getNDManager().getEngine().getVersion());
            writeAtomically(dir.resolve(CONFIG), out -> p.store(out, "AlphaQuant transformer"));
            writeAtomically(dir.resolve(PARAMETERS), out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
                net.saveParameters(data);
                data.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelConfig config() {
        return config;
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * Predictions for every sample, {@code size × 3} in head order (return, Sharpe, max drawdown).
     *
     * @throws IllegalArgumentException when the samples' window or feature counts differ from the model's
     */
    public float[] predict(Samples samples) {
        requireFits(samples.seqLen(), samples.factorCount(), samples.marketCount());
        int n = samples.size();
        if (n <= CHUNK) {
            return forward(samples);
        }
        float[] out = new float[n * ModelConfig.HEADS];
        for (int from = 0; from < n; from += CHUNK) {
            float[] part = forward(slice(samples, from, Math.min(n, from + CHUNK)));
            System.arraycopy(part, 0, out, from * ModelConfig.HEADS, part.length);
        }
        return out;
    }

    /** The model's loss per head on {@code source}, in batches of {@code batchSize}. */
    public HeadLosses evaluate(SampleSource source, int batchSize) {
        requireFits(source.seqLen(), source.factorCount(), source.marketCount());
        L1Sums sums = new L1Sums();
        for (int from = 0; from < source.size(); from += batchSize) {
            Samples s = source.gather(LabelMeans.range(from, Math.min(source.size(), from + batchSize)));
            sums.add(forward(s), s.labels());
        }
        return sums.means();
    }

    private float[] forward(Samples s) {
        return Torch.withoutGradients(() -> {
            try (NDManager scope = model.getNDManager().newSubManager()) {
                ParameterStore ps = new ParameterStore(scope, false);
                return net.forward(ps, Batch.inputs(scope, s), false).singletonOrThrow().toFloatArray();
            }
        });
    }

    void requireFits(int seqLen, int factorCount, int marketCount) {
        if (seqLen != config.seqLen()) {
            throw new IllegalArgumentException("windows of " + seqLen + " steps, the model expects " + config.seqLen());
        }
        if (factorCount != config.factorCount()) {
            throw new IllegalArgumentException(factorCount + " factors per step, the model expects " + config.factorCount());
        }
        if (marketCount != config.marketCount()) {
            throw new IllegalArgumentException(marketCount + " market features per step, the model expects "
                    + config.marketCount());
        }
    }

    private static Samples slice(Samples s, int from, int to) {
        int t = s.seqLen();
        return new Samples(t, s.factorCount(), s.marketCount(),
                Arrays.copyOfRange(s.factors(), from * t * s.factorCount(), to * t * s.factorCount()),
                Arrays.copyOfRange(s.market(), from * t * s.marketCount(), to * t * s.marketCount()),
                Arrays.copyOfRange(s.mask(), from * t, to * t),
                Arrays.copyOfRange(s.labels(), from * Samples.LABELS, to * Samples.LABELS),
                s.keys().subList(from, to));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Arrays the model's manager holds, for checking that predictions leave nothing behind. */
    int liveArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    /** Releases the weights; predictions after this fail. */
    @Override
    public void close() {
        model.close();
    }

    static TrainedModel fromBytes(ModelConfig config, byte[] parameters, DeviceChoice device) {
        return fromParameters(config, new ByteArrayInputStream(parameters), device);
    }
}
