package org.sessionrnn.runner;

import java.nio.file.Path;
import org.sessionrnn.model.DistillationModel;
import org.sessionrnn.model.EmbeddingOutputModel;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.model.SoftmaxOptions;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.spec.DistillationSettings;
import org.sessionrnn.spec.EmbeddingOutputSettings;
import org.sessionrnn.spec.ModelSettings;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SoftmaxSettings;

/**
 * Builds the graphs of a run from its settings: the one place where a variant's settings, the catalogue size
 * and the input length become model constructor arguments. Executors, the pre-trained model cache and the
 * preflight check all build through it.
 *
 * @param run   the grid cell (variant settings, GRU size, seed)
 * @param items catalogue size
 * @param steps input length (the protocol's {@code max_length})
 */
public record ModelFactory(RunSpec run, int items, int steps) {
    /** The factory of a running run. */
    public static ModelFactory of(RunContext c) {
        return new ModelFactory(c.run(), c.data().items(), c.spec().protocol().maxLength());
    }

    /** An M1 graph seeded with the run's seed. */
    public SoftmaxModel softmax() {
        return softmax(run.seed());
    }

    /** An M1 graph with its own seed (M3's teacher uses the run's seed + 1). */
    public SoftmaxModel softmax(long seed) {
        return SoftmaxModel.create(items, run.variant().training().embedding(), run.gruSize(), steps, seed);
    }

    /**
     * The graph of an M1-like variant with its options: output dropout (M1, M2 and the pre-trained M1 of M2 and M4,
     * m1plus), clipping (M1, m1plus), tied embedding and the optimiser (m1plus only; the others keep the paper's
     * separate embedding and Adam).
     */
    public SoftmaxModel softmaxVariant() {
        return SoftmaxModel.create(items, run.variant().training().embedding(), run.gruSize(), steps, run.seed(), options());
    }

    /**
     * The graph options of the run's variant: an M1-like kind's own, M4's pre-trained M1's, the paper's M1 for the
     * others.
     */
    public SoftmaxOptions options() {
        SoftmaxSettings m1 = m1Settings();
        return new SoftmaxOptions(m1.outputDropout(), m1.clipNorm(), m1.tiedEmbedding(),
                m1.optimizer().equals("adagrad") ? SoftmaxOptions.Optimizer.ADAGRAD : SoftmaxOptions.Optimizer.ADAM,
                m1.momentum());
    }

    private SoftmaxSettings m1Settings() {
        ModelSettings settings = run.variant().settings();
        if (settings instanceof SoftmaxSettings m1) {
            return m1;
        }
        if (settings instanceof EmbeddingOutputSettings m4) {
            return m4.pretrained();
        }
        return SoftmaxSettings.of(run.variant().training());
    }

    /** An M3 student distilling from {@code teacher}. */
    public DistillationModel distillation(SoftmaxWeights teacher) {
        DistillationSettings m3 = run.variant().settings(DistillationSettings.class);
        return DistillationModel.create(items, m3.training().embedding(), run.gruSize(), steps, run.seed(), teacher,
                m3.lambda(), m3.temperature(), m3.softLabelTopK());
    }

    /** An M4 whose targets are the item embeddings of {@code pretrained}. */
    public EmbeddingOutputModel embeddingOutput(SoftmaxWeights pretrained) {
        return EmbeddingOutputModel.create(items, run.variant().training().embedding(), run.gruSize(), hiddenSize(),
                steps, run.seed(), pretrained);
    }

    /** The M4 hidden layer size: the spec's, 0 meaning the GRU size. */
    public int hiddenSize() {
        int hidden = run.variant().settings(EmbeddingOutputSettings.class).hiddenSize();
        return hidden > 0 ? hidden : run.gruSize();
    }

    /** The weights of a freshly initialised M1: a stand-in for a trained one when only the graph matters. */
    public SoftmaxWeights untrainedSoftmax() {
        try (SoftmaxModel m = softmax()) {
            return SoftmaxWeights.of(m);
        }
    }

    /** The weights of an M1 of this shape saved under {@code prefix}. */
    public SoftmaxWeights loadSoftmax(Path prefix) {
        return SoftmaxWeights.load(prefix, items, run.variant().training().embedding(), run.gruSize(), steps);
    }
}
