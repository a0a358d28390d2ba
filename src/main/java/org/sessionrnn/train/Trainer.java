package org.sessionrnn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SessionModel;

/**
 * The training loop: epochs of shuffled mini-batches with fresh click deletion, a validation pass after each
 * epoch, and listeners deciding about progress output, checkpoints and stopping. Shuffling and deletion are
 * drawn from {@code (seed, epoch)}, so an epoch is the same whether or not training was resumed before it.
 * A {@link StopRequest} (Ctrl-C) is honoured between batches with a {@link TrainingInterruptedException}; the
 * epoch in progress is then abandoned, since only epoch boundaries can be resumed exactly.
 */
public final class Trainer {
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;

    public Trainer(TrainingConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /** Trains from epoch 1. */
    public List<EpochStats> fit(SessionModel model, SequenceSet train, SequenceSet validation, int items) {
        return fit(model, train, validation, items, 1);
    }

    /**
     * Trains epochs {@code firstEpoch..maxEpochs} (or until a listener stops it) and returns the stats of the
     * epochs run here.
     */
    public List<EpochStats> fit(SessionModel model, SequenceSet train, SequenceSet validation, int items,
                                int firstEpoch) {
        listeners.forEach(l -> l.onTrainingStart(model, firstEpoch, config.maxEpochs()));
        Batch batch = new Batch(config.batchSize(), config.maxLength(), items);
        BatchAssembler assembler = new BatchAssembler(config.maxLength(), config.embeddingDropout());
        Evaluator evaluator = new Evaluator(config.cutoff());
        List<EpochStats> history = new ArrayList<>();
        // Asked before each epoch (not after) so that a run resumed after its stopping epoch trains no further.
        for (int epoch = firstEpoch; epoch <= config.maxEpochs() && !anyListenerStops(); epoch++) {
            long start = System.nanoTime();
            double loss = runEpoch(model, train, batch, assembler, epoch);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            EvaluationResult val = evaluator.evaluate(
                    new ModelRanker(model, config.batchSize(), config.maxLength(), items), validation);
            EpochStats stats = new EpochStats(epoch, loss, val.metrics().recall(), val.metrics().mrr(),
                    (System.nanoTime() - start) / 1e9, train.size() / Math.max(trainSeconds, 1e-9));
            history.add(stats);
            listeners.forEach(l -> l.onEpochEnd(model, stats));
        }
        listeners.forEach(l -> l.onTrainingEnd(model));
        return history;
    }

    private boolean anyListenerStops() {
        return listeners.stream().anyMatch(TrainingListener::shouldStop);
    }

    private double runEpoch(SessionModel model, SequenceSet train, Batch batch, BatchAssembler assembler, int epoch) {
        int n = train.size();
        int[] order = shuffledOrder(n, epoch);
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), epoch) ^ 0x5DEECE66DL);
        double lossSum = 0;
        long start = System.nanoTime();
        long lastReport = start;
        for (int from = 0; from < n; from += config.batchSize()) {
            if (StopRequest.isRequested()) {
                throw new TrainingInterruptedException(epoch);
            }
            int to = Math.min(n, from + config.batchSize());
            assembler.fill(batch, train, order, from, to, rng);
            double loss = model.trainStep(batch, config.learningRate());
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(epoch, model.steps(), loss);
            }
            lossSum += loss * (to - from);
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_NANOS) {
                lastReport = now;
                long done = to;
                listeners.forEach(l -> l.onProgress(epoch, done, n, (now - start) / 1e9));
            }
        }
        return lossSum / Math.max(1, n);
    }

    private int[] shuffledOrder(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static long mix(long seed, long epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
