package org.sessionrnn.runner;

import static org.sessionrnn.spec.DistillationSettings.LAMBDA;
import static org.sessionrnn.spec.EnsembleSettings.MEMBERS;
import static org.sessionrnn.spec.DistillationSettings.SOFT_LABEL_TOP_K;
import static org.sessionrnn.spec.DistillationSettings.TEMPERATURE;
import static org.sessionrnn.spec.EmbeddingOutputSettings.HIDDEN_SIZE;
import static org.sessionrnn.spec.ItemKnnSettings.KNN_ALPHA;
import static org.sessionrnn.spec.ItemKnnSettings.KNN_LAMBDA;
import static org.sessionrnn.spec.ItemKnnSettings.NEIGHBOURS;
import static org.sessionrnn.spec.SoftmaxSettings.CLIP_NORM;
import static org.sessionrnn.spec.SoftmaxSettings.MOMENTUM;
import static org.sessionrnn.spec.SoftmaxSettings.OPTIMIZER;
import static org.sessionrnn.spec.SoftmaxSettings.OUTPUT_DROPOUT;
import static org.sessionrnn.spec.SoftmaxSettings.SAMPLED_NEGATIVES;
import static org.sessionrnn.spec.SoftmaxSettings.REPEAT_WINDOW;
import static org.sessionrnn.spec.SoftmaxSettings.TIED_EMBEDDING;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionrnn.baseline.Baselines;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.spec.DistillationSettings;
import org.sessionrnn.spec.EmbeddingOutputSettings;
import org.sessionrnn.spec.EnsembleSettings;
import org.sessionrnn.spec.ItemKnnSettings;
import org.sessionrnn.spec.Key;
import org.sessionrnn.spec.ModelSettings;
import org.sessionrnn.spec.NoSettings;
import org.sessionrnn.spec.SoftmaxSettings;

/**
 * The model kinds, each defined here once: its name in a spec, its settings (their type and defaults; a GRU
 * model's are {@code GruSettings}), the keys of those settings it reads beyond the common and training ones (the
 * settings type's declared {@link Key} constants), whether it runs at fraction 1, its executor and, for a neural
 * kind, its model: the {@link ModelParts} (forward block, loss, training options) that it trains, preflight checks
 * and export builds the inference graph of. Adding a neural kind is one constant here plus its forward block; see
 * docs/extending.md.
 * The spec stage learns the kinds through {@link ModelKindCatalogue}.
 */
public enum ModelKind implements RunnableKind {
    /** The paper's baseline GRU: softmax over all items, cross-entropy. */
    M1("m1", SoftmaxSettings.DEFAULT, keys(OUTPUT_DROPOUT, CLIP_NORM, SAMPLED_NEGATIVES), true, SoftmaxRun::new,
            ModelFactory::softmaxVariant),
    /** M1 pre-trained on all data, fine-tuned on a recent fraction; output dropout in both. */
    M2("m2", SoftmaxSettings.DEFAULT, keys(OUTPUT_DROPOUT, SAMPLED_NEGATIVES), false, FineTuneRun::new,
            ModelFactory::softmaxVariant),
    /** Generalised distillation from a teacher trained on the reversed future of each sequence. */
    M3("m3", DistillationSettings.DEFAULT, keys(LAMBDA, TEMPERATURE, SOFT_LABEL_TOP_K), true,
            DistillationRun::new, f -> f.distillation(f::untrainedSoftmax, null)),
    /** Output in the item embedding space of a pre-trained M1 (output dropout: that M1's), cosine loss. */
    M4("m4", EmbeddingOutputSettings.DEFAULT, keys(HIDDEN_SIZE, OUTPUT_DROPOUT, SAMPLED_NEGATIVES), true,
            EmbeddingOutputRun::new, f -> f.embeddingOutput(f.pretrainedWeights())),
    /**
     * Not a model of the paper: M1 with its input embedding tied to the output layer, dropout on the GRU output
     * (0.6 by default) and the optimiser options (docs/accuracy.md). Trains like M1 but never stands in for M2/M4's
     * pre-trained M1.
     */
    M1PLUS("m1plus", SoftmaxSettings.DEFAULT.tied(0.6),
            keys(OUTPUT_DROPOUT, CLIP_NORM, TIED_EMBEDDING, OPTIMIZER, MOMENTUM, SAMPLED_NEGATIVES,
                    REPEAT_WINDOW), true,
            NeuralRun::new, ModelFactory::softmaxVariant),
    /**
     * Not a model of the paper: m1plus whose score for an item is 16 times the cosine of the session vector and
     * the item's (tied) embedding, plus the item's bias (NISER, Gupta et al. 2019; docs/accuracy.md). Normalising
     * keeps frequent items from winning by the length of their embedding, and converges in fewer epochs.
     */
    M1NORM("m1norm", SoftmaxSettings.DEFAULT.tied(0.6),
            keys(OUTPUT_DROPOUT, CLIP_NORM, TIED_EMBEDDING, OPTIMIZER, MOMENTUM, SAMPLED_NEGATIVES,
                    REPEAT_WINDOW), true,
            NeuralRun::new, f -> f.cosineVariant(16)),
    /** Most clicked items. */
    POP("pop", NoSettings.NONE, keys(), true,
            () -> new BaselineRun((train, c) -> Baselines.pop(train, c.data().items(), maxLength(c))), null),
    /** Items of the current session first, then most clicked. */
    SPOP("spop", NoSettings.NONE, keys(), true,
            () -> new BaselineRun((train, c) -> Baselines.sessionPop(train, c.data().items(), maxLength(c))), null),
    /** Item-to-item cosine neighbours of the last click. */
    ITEMKNN("itemknn", ItemKnnSettings.DEFAULT, keys(NEIGHBOURS, KNN_LAMBDA, KNN_ALPHA), true,
            () -> new BaselineRun(ModelKind::itemKnn), null),
    /**
     * The mean of the softmax probabilities of other GRU variants' runs in the same cell, named by {@code members}
     * (docs/models.md); evaluates their trained weights, trains nothing.
     */
    ENSEMBLE("ensemble", EnsembleSettings.DEFAULT, keys(MEMBERS), true, EnsembleRun::new, null);

    private final String id;
    private final ModelSettings defaults;
    private final List<String> ownKeys;
    private final boolean runsAtFractionOne;
    private final Supplier<RunExecutor> executor;
    private final Function<ModelFactory, ModelParts> model;

    ModelKind(String id, ModelSettings defaults, List<Key<?>> ownKeys, boolean runsAtFractionOne,
              Supplier<RunExecutor> executor, Function<ModelFactory, ModelParts> model) {
        this.id = id;
        this.defaults = defaults;
        this.ownKeys = Key.names(ownKeys);
        this.runsAtFractionOne = runsAtFractionOne;
        this.executor = executor;
        this.model = model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelSettings defaultSettings() {
        return defaults;
    }

    @Override
    public List<String> ownKeys() {
        return ownKeys;
    }

    @Override
    public boolean runsAtFractionOne() {
        return runsAtFractionOne;
    }

    @Override
    public RunExecutor newExecutor() {
        return executor.get();
    }

    @Override
    public ModelParts model(ModelFactory models) {
        return model == null ? null : model.apply(models);
    }

    /** M1: the paper's Table 2 gives every model's prediction time relative to M1's. */
    @Override
    public boolean predictionTimeReference() {
        return this == M1;
    }

    /** The keys a kind reads, as declared by its settings type. */
    private static List<Key<?>> keys(Key<?>... keys) {
        return List.of(keys);
    }

    private static Ranker itemKnn(SequenceSet train, RunContext c) {
        ItemKnnSettings knn = c.run().variant().settings(ItemKnnSettings.class);
        return Baselines.itemKnn(train, c.data().items(), maxLength(c), knn.neighbours(), knn.lambda(), knn.alpha());
    }

    private static int maxLength(RunContext c) {
        return c.spec().protocol().maxLength();
    }
}
