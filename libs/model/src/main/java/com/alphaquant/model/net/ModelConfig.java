package com.alphaquant.model.net;

import com.alphaquant.model.dataset.Samples;
import java.util.Properties;

/**
 * The transformer's shape, fixed for the life of a model and saved beside its parameters.
 *
 * @param seqLen      days per input window (the last is the prediction day)
 * @param factorCount factors per step
 * @param marketCount market-sentiment features per step (0: no sentiment fusion)
 * @param dModel      width of the residual stream
 * @param heads       attention heads; {@code dModel / heads} is the head width QK-Norm normalises over
 * @param dFf         hidden width of the SwiGLU feed-forward
 * @param layers      transformer blocks
 * @param dropout     dropout rate on the residual branches during training
 */
public record ModelConfig(int seqLen, int factorCount, int marketCount, int dModel, int heads, int dFf, int layers,
                          float dropout) {

    /** Output heads, in order: forward return, forward Sharpe, forward max drawdown. */
    public static final int HEADS = Samples.LABELS;
    public static final int DEFAULT_SEQ_LEN = 60;
    public static final int DEFAULT_FACTOR_COUNT = 24;

    public ModelConfig {
        require(seqLen >= 1, "seqLen", seqLen, "must be at least 1");
        require(factorCount >= 1, "factorCount", factorCount, "must be at least 1");
        require(marketCount >= 0, "marketCount", marketCount, "must not be negative");
        require(dModel >= 2 && dModel % 2 == 0, "dModel", dModel, "must be even and at least 2 (sine/cosine pairs)");
        require(heads >= 1 && dModel % heads == 0, "heads", heads, "must divide dModel " + dModel);
        require(dFf >= 1, "dFf", dFf, "must be at least 1");
        require(layers >= 1, "layers", layers, "must be at least 1");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " must lie in [0, 1)");
        }
    }

    /** The brief's seed configuration: d_model 768, 12 heads, d_ff 3072, dropout 0.1 (a GPU model). */
    public static ModelConfig brief(int seqLen, int factorCount, int marketCount) {
        return new ModelConfig(seqLen, factorCount, marketCount, 768, 12, 3072, 6, 0.1f);
    }

    /**
     * The CPU default: about 20 thousand parameters, trained at several thousand samples/s on two
     * cores, so an epoch over 300 stocks × 3 years takes a few minutes. Head width 8, as QK-Norm
     * bounds each attention logit by sqrt(head width) times the gains.
     */
    public static ModelConfig small(int seqLen, int factorCount, int marketCount) {
        return new ModelConfig(seqLen, factorCount, marketCount, 32, 4, 64, 2, 0.1f);
    }

    /** A preset by name, {@code small} or {@code brief}. */
    public static ModelConfig preset(String name, int seqLen, int factorCount, int marketCount) {
        return switch (name == null ? "" : name) {
            case "small" -> small(seqLen, factorCount, marketCount);
            case "brief" -> brief(seqLen, factorCount, marketCount);
            default -> throw new IllegalArgumentException("preset '" + name + "' is unknown: small or brief");
        };
    }

    public int headSize() {
        return dModel / heads;
    }

    public ModelConfig withDropout(float rate) {
        return new ModelConfig(seqLen, factorCount, marketCount, dModel, heads, dFf, layers, rate);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("seqLen", Integer.toString(seqLen));
        p.setProperty("factorCount", Integer.toString(factorCount));
        p.setProperty("marketCount", Integer.toString(marketCount));
        p.setProperty("dModel", Integer.toString(dModel));
        p.setProperty("heads", Integer.toString(heads));
        p.setProperty("dFf", Integer.toString(dFf));
        p.setProperty("layers", Integer.toString(layers));
        p.setProperty("dropout", Float.toString(dropout));
        return p;
    }

    public static ModelConfig fromProperties(Properties p) {
        return new ModelConfig(intOf(p, "seqLen"), intOf(p, "factorCount"), intOf(p, "marketCount"), intOf(p, "dModel"),
                intOf(p, "heads"), intOf(p, "dFf"), intOf(p, "layers"), Float.parseFloat(valueOf(p, "dropout")));
    }

    private static int intOf(Properties p, String key) {
        try {
            return Integer.parseInt(valueOf(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model config " + key + " is not an integer: " + p.getProperty(key), e);
        }
    }

    private static String valueOf(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("model config lacks " + key);
        }
        return v.trim();
    }

    private static void require(boolean ok, String field, int value, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(field + " " + value + " " + reason);
        }
    }
}
