package org.sessionrnn.spec;

import java.util.List;
import java.util.Map;
import org.sessionrnn.io.Limits;

/**
 * How a GRU model of any kind is trained: the spec's training keys, which every GRU kind reads. Each component is
 * the key of the same position in {@link #KEYS}, where its default, range and meaning are declared.
 *
 * @param gruSizes          {@link #GRU_SIZES}
 * @param embedding         {@link #EMBEDDING}
 * @param embeddingDropout  {@link #EMBEDDING_DROPOUT}
 * @param batchSize         {@link #BATCH_SIZE}
 * @param learningRate      {@link #LEARNING_RATE}
 * @param maxEpochs         {@link #MAX_EPOCHS}
 * @param patience          {@link #PATIENCE}
 * @param warmupSteps       {@link #WARMUP_STEPS}
 * @param learningRateDecay {@link #LEARNING_RATE_DECAY}
 * @param refit             {@link #REFIT}
 */
public record GruTraining(List<Integer> gruSizes, int embedding, double embeddingDropout, int batchSize,
                          double learningRate, int maxEpochs, int patience, long warmupSteps,
                          double learningRateDecay, boolean refit) {
    public static final Key<List<Integer>> GRU_SIZES = Key.sizes("gru_sizes", List.of(100),
            Interval.upTo(1, Limits.MAX_LAYER), "GRU hidden sizes, one run each (baselines run once, size 0)")
            .inTextSince01(List.of(0));
    public static final Key<Integer> EMBEDDING = Key.integer("embedding", 50, Interval.upTo(1, Limits.MAX_LAYER),
            "item embedding size (m1plus, m1norm with `tied_embedding`: ignored, the embedding is GRU-size)")
            .inTextSince01(50);
    public static final Key<Double> EMBEDDING_DROPOUT = Key.decimal("embedding_dropout", 0.25,
            Interval.UNIT_RIGHT_OPEN, "share of input clicks deleted at random, drawn afresh per batch")
            .inTextSince01(0.25);
    public static final Key<Integer> BATCH_SIZE = Key.integer("batch_size", 512,
            Interval.upTo(1, Limits.MAX_BATCH), "sequences per training step").inTextSince01(512);
    public static final Key<Double> LEARNING_RATE = Key.decimal("learning_rate", 0.001, Interval.POSITIVE,
            "the optimiser's learning rate").inTextSince01(0.001);
    public static final Key<Integer> MAX_EPOCHS = Key.integer("max_epochs", 100, Interval.AT_LEAST_ONE,
            "an upper bound; early stopping ends training (see below)").inTextSince01(10);
    public static final Key<Integer> PATIENCE = Key.integer("patience", 3, Interval.AT_LEAST_ONE,
            "epochs without a better validation Recall@k before stopping").inTextSince01(2);
    public static final Key<Long> WARMUP_STEPS = Key.longInteger("warmup_steps", 0, Interval.NON_NEGATIVE,
            "the learning rate rises linearly from 0 over this many optimiser steps; 0 = off");
    public static final Key<Double> LEARNING_RATE_DECAY = Key.decimal("learning_rate_decay", 1,
            Interval.UNIT_LEFT_OPEN, "epoch e trains at `learning_rate * decay^(e-1)`; 1 = off");
    public static final Key<Boolean> REFIT = Key.flag("refit", false, "when on, once early stopping has found the "
            + "best epoch count on the validation split, a fresh model trains on all of the run's sequences "
            + "(validation ones included) for that many epochs and is the model evaluated; no effect in `tune`");

    /** The training keys, in writing order. */
    public static final KeyTable<GruTraining> KEYS = KeyTable.of(GruTraining.class, GRU_SIZES, EMBEDDING,
            EMBEDDING_DROPOUT, BATCH_SIZE, LEARNING_RATE, MAX_EPOCHS, PATIENCE, WARMUP_STEPS, LEARNING_RATE_DECAY,
            REFIT);

    /** The spec's defaults: GRU 100, trained to convergence with Adam's usual learning rate. */
    public static final GruTraining DEFAULT = KEYS.defaults();

    public GruTraining {
        gruSizes = List.copyOf(gruSizes);
    }

    /** The spec keys and their values, in writing order. */
    public Map<String, Object> specValues() {
        return KEYS.values(this);
    }
}
