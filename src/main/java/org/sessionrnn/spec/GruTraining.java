package org.sessionrnn.spec;

import java.util.List;
import java.util.Map;
import org.sessionrnn.io.Limits;

/**
 * How a GRU model of any kind is trained: the spec's neural keys, which every GRU kind reads.
 *
 * @param gruSizes          GRU hidden sizes, one run each ([100])
 * @param embedding         item embedding size (50)
 * @param embeddingDropout  probability of deleting each input click during training (0.25)
 * @param batchSize         mini-batch size (512)
 * @param learningRate      the optimiser's learning rate (0.001)
 * @param maxEpochs         upper bound on epochs (100: early stopping ends training)
 * @param patience          epochs without validation improvement before stopping (3)
 * @param warmupSteps       the learning rate rises linearly over this many first steps (0 = off)
 * @param learningRateDecay the learning rate of epoch e is {@code learningRate * decay^(e - 1)} (1 = off)
 * @param refit             after early stopping has found the best epoch count on the validation split, train a
 *                          fresh model on all of the run's training sequences (validation ones included) for that
 *                          many epochs and evaluate it instead (false)
 */
public record GruTraining(List<Integer> gruSizes, int embedding, double embeddingDropout, int batchSize,
                          double learningRate, int maxEpochs, int patience, long warmupSteps,
                          double learningRateDecay, boolean refit) {
    /** The spec's defaults: GRU 100, trained to convergence with Adam's usual learning rate. */
    public static final GruTraining DEFAULT = new GruTraining(List.of(100), 50, 0.25, 512, 0.001, 100, 3, 0, 1,
            false);

    public GruTraining {
        gruSizes = List.copyOf(gruSizes);
    }

    /** The spec keys and their values, in writing order. */
    public Map<String, Object> specValues() {
        return SpecValues.of("gru_sizes", gruSizes, "embedding", embedding, "embedding_dropout", embeddingDropout,
                "batch_size", batchSize, "learning_rate", learningRate, "max_epochs", maxEpochs, "patience", patience,
                "warmup_steps", warmupSteps, "learning_rate_decay", learningRateDecay, "refit", refit);
    }

    static GruTraining read(Section s, GruTraining d) {
        return new GruTraining(
                s.list("gru_sizes", d.gruSizes(), v -> v.asInt(Interval.upTo(1, Limits.MAX_LAYER)), "GRU size"),
                s.integer("embedding", d.embedding(), Interval.upTo(1, Limits.MAX_LAYER)),
                s.decimal("embedding_dropout", d.embeddingDropout(), Interval.UNIT_RIGHT_OPEN),
                s.integer("batch_size", d.batchSize(), Interval.upTo(1, Limits.MAX_BATCH)),
                s.decimal("learning_rate", d.learningRate(), Interval.POSITIVE),
                s.integer("max_epochs", d.maxEpochs(), Interval.AT_LEAST_ONE),
                s.integer("patience", d.patience(), Interval.AT_LEAST_ONE),
                s.longValue("warmup_steps", d.warmupSteps(), Interval.NON_NEGATIVE),
                s.decimal("learning_rate_decay", d.learningRateDecay(), Interval.UNIT_LEFT_OPEN),
                s.bool("refit", d.refit()));
    }
}
