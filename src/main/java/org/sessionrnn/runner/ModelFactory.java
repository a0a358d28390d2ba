package org.sessionrnn.runner;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.BlockMaker;
import org.sessionrnn.model.EmbeddingCosineBlock;
import org.sessionrnn.model.Loss;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.NegativeSampler;
import org.sessionrnn.model.SampledSoftmaxLoss;
import org.sessionrnn.model.SoftmaxLoss;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.model.TeacherDistillation;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.spec.DistillationSettings;
import org.sessionrnn.spec.EmbeddingOutputSettings;
import org.sessionrnn.spec.ModelSettings;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SoftmaxSettings;

/**
 * The one place where a variant's settings, the catalogue size and the input length become a model's
 * {@link ModelParts} (forward block, loss, training options): executors, the pre-trained model cache, the
 * preflight check and export all build through it. It knows every GRU settings type by name and refuses any
 * other at construction, which preflight does for every GRU run before anything trains.
 *
 * @param run        the grid cell (variant settings, GRU size, seed)
 * @param items      catalogue size
 * @param steps      input length (the protocol's {@code max_length})
 * @param pretrained the trained M1 a run starts from (M4's targets) when it is known, else null: a freshly
 *                   initialised M1 stands in, where only the graph matters
 * @param labelCounts how often each item is a label of the sequences the model trains on, for a sampled
 *                   softmax's negatives ({@link #trainingOn}); null for a graph that is only checked or exported
 */
public record ModelFactory(RunSpec run, int items, int steps, Supplier<SoftmaxWeights> pretrained,
                           int[] labelCounts) {
    public ModelFactory {
        softmaxSettings(run);
    }

    /** A factory whose M4 targets are {@code pretrained}'s. */
    public ModelFactory(RunSpec run, int items, int steps, Supplier<SoftmaxWeights> pretrained) {
        this(run, items, steps, pretrained, null);
    }

    /** A factory whose M4 targets are an untrained M1's (a preflight graph). */
    public ModelFactory(RunSpec run, int items, int steps) {
        this(run, items, steps, null);
    }

    /** This factory for a model that trains on {@code train}: a sampled softmax draws by its labels' counts. */
    public ModelFactory trainingOn(SequenceSet train) {
        if (softmaxSettings(run).sampledNegatives() == 0) {
            return this;
        }
        int[] counts = new int[items];
        for (int i = 0; i < train.size(); i++) {
            counts[train.label(i)]++;
        }
        return new ModelFactory(run, items, steps, pretrained, counts);
    }

    /** The factory of a running run. */
    public static ModelFactory of(RunContext c) {
        return new ModelFactory(c.run(), c.data().items(), c.spec().protocol().maxLength());
    }

    /**
     * The settings of the softmax GRU a run trains or starts from: an M1-like kind's own, M4's pre-trained M1's,
     * M3's (the paper's M1 options, which its keys do not change). Any other settings type is refused.
     */
    static SoftmaxSettings softmaxSettings(RunSpec run) {
        ModelSettings settings = run.variant().settings();
        if (settings instanceof SoftmaxSettings m1) {
            return m1;
        }
        if (settings instanceof EmbeddingOutputSettings m4) {
            return m4.pretrained();
        }
        if (settings instanceof DistillationSettings m3) {
            return SoftmaxSettings.of(m3.training());
        }
        throw new IllegalArgumentException("model '" + run.variant().model() + "' has settings of type "
                + settings.getClass().getSimpleName() + ", which ModelFactory cannot turn into a graph; "
                + "map them in ModelFactory.softmaxSettings");
    }

    /** The paper's M1 with its own seed (M3's teacher uses the run's seed + 1). */
    public ModelParts softmax(long seed) {
        return SoftmaxBlock.m1(items, run.variant().training().embedding(), run.gruSize(), steps, seed);
    }

    /**
     * The softmax GRU of an M1-like variant with its options: output dropout (M1, M2 and the pre-trained M1 of M2
     * and M4, m1plus), clipping (M1, m1plus), tied embedding and the optimiser (m1plus only; the others keep the
     * paper's separate embedding and Adam).
     */
    public ModelParts softmaxVariant() {
        return SoftmaxBlock.parts(items, run.variant().training().embedding(), run.gruSize(), steps, run.seed(),
                blockOptions(), loss(), training());
    }

    /** The softmax GRU of the variant's settings with scores that are {@code scale} times a cosine. */
    public ModelParts cosineVariant(double scale) {
        SoftmaxBlock.Options own = blockOptions();
        SoftmaxBlock.Options options = new SoftmaxBlock.Options(own.outputDropout(), own.tiedEmbedding(), scale,
                own.repeatWindow());
        return SoftmaxBlock.parts(items, run.variant().training().embedding(), run.gruSize(), steps, run.seed(),
                options, loss(), training());
    }

    /**
     * The softmax GRU's loss: cross-entropy over every item, or over sampled candidates when the variant sets
     * {@code sampled_negatives} (drawn by the training labels' counts, uniform ones for a graph only checked).
     */
    private Supplier<Loss> loss() {
        int negatives = softmaxSettings(run).sampledNegatives();
        if (negatives == 0) {
            return SoftmaxLoss::new;
        }
        int[] counts = labelCounts != null ? labelCounts : NegativeSampler.uniformCounts(items);
        long seed = run.seed();
        return () -> new SampledSoftmaxLoss(new NegativeSampler(counts, negatives, seed));
    }

    /** The run's own block with {@code loss}, trained with the run's options: the parts of a new kind. */
    public ModelParts neural(BlockMaker block, Supplier<Loss> loss) {
        return new ModelParts(items, steps, run.seed(), block, loss, training());
    }

    /** The softmax block's architecture options of the run's variant. */
    public SoftmaxBlock.Options blockOptions() {
        SoftmaxSettings m1 = softmaxSettings(run);
        // positions before the longest input never hold a click: a wider window would only add idle weights
        return new SoftmaxBlock.Options(m1.outputDropout(), m1.tiedEmbedding(), 0, Math.min(m1.repeatWindow(), steps));
    }

    /** The optimiser and clipping of the run's variant, for any block. */
    public TrainingOptions training() {
        SoftmaxSettings m1 = softmaxSettings(run);
        return new TrainingOptions(m1.optimizer(), m1.momentum(), m1.clipNorm());
    }

    /** The input item embedding size: the GRU size when it is tied to the output layer. */
    public int embedding() {
        return blockOptions().tiedEmbedding() ? run.gruSize() : run.variant().training().embedding();
    }

    /**
     * An M3 student distilling from {@code teacher}, whose soft labels are those of {@code privileged}'s sequences
     * (null for a graph that is only checked or exported).
     */
    public ModelParts distillation(Supplier<SoftmaxWeights> teacher, SequenceSet privileged) {
        DistillationSettings m3 = run.variant().settings(DistillationSettings.class);
        return TeacherDistillation.parts(items, m3.training().embedding(), run.gruSize(), steps, run.seed(), teacher,
                m3.lambda(), m3.temperature(), m3.softLabelTopK(), privileged);
    }

    /** An M4 whose targets are the item embeddings of {@code pretrained}. */
    public ModelParts embeddingOutput(SoftmaxWeights pretrained) {
        return EmbeddingCosineBlock.parts(items, run.variant().training().embedding(), run.gruSize(), hiddenSize(),
                steps, run.seed(), pretrained, training());
    }

    /** The M4 hidden layer size: the spec's, 0 meaning the GRU size. */
    public int hiddenSize() {
        int hidden = run.variant().settings(EmbeddingOutputSettings.class).hiddenSize();
        return hidden > 0 ? hidden : run.gruSize();
    }

    /** The trained M1 this factory was given, or a freshly initialised one. */
    public SoftmaxWeights pretrainedWeights() {
        return pretrained != null ? pretrained.get() : untrainedSoftmax();
    }

    /** The weights of a freshly initialised M1: a stand-in for a trained one when only the graph matters. */
    public SoftmaxWeights untrainedSoftmax() {
        try (NeuralModel m = NeuralModel.build(softmax(run.seed()))) {
            return SoftmaxWeights.of(m);
        }
    }

    /** The weights of an M1 of this shape saved under {@code prefix}. */
    public SoftmaxWeights loadSoftmax(Path prefix) {
        return SoftmaxWeights.load(prefix, items, run.variant().training().embedding(), run.gruSize());
    }
}
