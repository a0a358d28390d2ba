package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SessionModel;

/**
 * The training loop: epochs of shuffled mini-batches with fresh click deletion, a validation pass after each
 * epoch (a {@link Validation} the caller supplies), and listeners deciding about progress output, checkpoints and stopping. The order of an epoch is drawn
 * from {@code (seed, epoch)} and the click deletion of each batch from {@code (seed, epoch, batch)}, so any
 * batch is the same whether or not training was resumed before it, even inside its epoch.
 * A {@link StopRequest} (Ctrl-C) is honoured between batches: listeners get
 * {@link TrainingListener#onInterrupt} (an in-epoch checkpoint saves there), then a
 * {@link TrainingInterruptedException} is thrown.
 */
public final class Trainer {
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;
    private final Validation validation;

    /**
     * @param config     batch size, learning rate schedule, epochs, seed
     * @param listeners  told about batches and epochs, in order; any of them may stop training
     * @param validation scores the model on the validation sequences after every epoch
     */
    public Trainer(TrainingConfig config, List<TrainingListener> listeners, Validation validation) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.validation = validation;
    }

    /** Trains from epoch 1. */
    public List<EpochRecord> fit(SessionModel model, SequenceSet train, SequenceSet validation, int items) {
        return fit(model, train, validation, items, 1);
    }

    /**
     * Trains epochs {@code firstEpoch..maxEpochs} (or until a listener stops it) and returns the stats of the
     * epochs run here.
     */
    public List<EpochRecord> fit(SessionModel model, SequenceSet train, SequenceSet validation, int items,
                                int firstEpoch) {
        return fit(model, train, validation, items, EpochProgress.start(firstEpoch));
    }

    /**
     * Trains from {@code start} (the rest of its epoch, then up to {@code maxEpochs}, or until a listener stops
     * it) and returns the stats of the epochs finished here. The model must hold the weights and step count
     * saved at {@code start}; the resumed epoch's stats then equal those of an uninterrupted run.
     */
    public List<EpochRecord> fit(SessionModel model, SequenceSet train, SequenceSet validation, int items,
                                EpochProgress start) {
        int firstEpoch = start.epoch();
        listeners.forEach(l -> l.onTrainingStart(model, firstEpoch, config.maxEpochs()));
        Batch batch = new Batch(config.batchSize(), config.maxLength(), items);
        BatchAssembler assembler = new BatchAssembler(config.maxLength(), config.embeddingDropout());
        List<EpochRecord> history = new ArrayList<>();
        // Asked before each epoch (not after) so that a run resumed after its stopping epoch trains no further.
        for (int epoch = firstEpoch; epoch <= config.maxEpochs() && !anyListenerStops(); epoch++) {
            EpochProgress done = runEpoch(model, train, batch, assembler,
                    epoch == firstEpoch ? start : EpochProgress.start(epoch));
            long validationStart = System.nanoTime();
            Validation.Score val = this.validation.score(model, validation, items);
            double loss = done.lossSum() / Math.max(1, train.size());
            double seconds = done.seconds() + (System.nanoTime() - validationStart) / 1e9;
            EpochRecord stats = new EpochRecord(epoch, loss, val.recall(), val.mrr(),
                    seconds, train.size() / Math.max(done.seconds(), 1e-9));
            history.add(stats);
            listeners.forEach(l -> l.onEpochEnd(model, stats));
        }
        listeners.forEach(l -> l.onTrainingEnd(model));
        return history;
    }

    private boolean anyListenerStops() {
        return listeners.stream().anyMatch(TrainingListener::shouldStop);
    }

    /** Trains the rest of an epoch from {@code from} and returns the position at its end. */
    private EpochProgress runEpoch(SessionModel model, SequenceSet train, Batch batch, BatchAssembler assembler,
                                   EpochProgress from) {
        int n = train.size();
        int size = config.batchSize();
        int epoch = from.epoch();
        if (from.sequencesDone() != Math.min(n, (long) from.batchesDone() * size)) {
            throw new IllegalStateException("cannot resume epoch " + epoch + " after batch " + from.batchesDone()
                    + " with " + from.sequencesDone() + " sequences done: " + n + " training sequences in batches of "
                    + size + " do not match that checkpoint");
        }
        int[] order = shuffledOrder(n, epoch);
        EpochProgress at = from;
        long start = System.nanoTime();
        long lastReport = start;
        for (int b = from.batchesDone(); (long) b * size < n; b++) {
            if (StopRequest.isRequested()) {
                EpochProgress stopped = at;
                listeners.forEach(l -> l.onInterrupt(model, stopped));
                throw new TrainingInterruptedException(epoch);
            }
            int lo = b * size;
            int hi = Math.min(n, lo + size);
            assembler.fill(batch, train, order, lo, hi, batchRandom(epoch, b));
            double loss = model.trainStep(batch, config.learningRateAt(model.steps() + 1, epoch));
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(epoch, model.steps(), loss);
            }
            long now = System.nanoTime();
            // Seconds accumulate across attempts so that a resumed epoch reports its whole training time.
            at = new EpochProgress(epoch, b + 1, hi, at.lossSum() + loss * (hi - lo),
                    from.seconds() + (now - start) / 1e9);
            EpochProgress done = at;
            listeners.forEach(l -> l.onBatchEnd(model, done));
            if (now - lastReport > PROGRESS_NANOS) {
                lastReport = now;
                listeners.forEach(l -> l.onProgress(epoch, done.sequencesDone(), n, done.seconds()));
            }
        }
        return at;
    }

    /**
     * The click-deletion draws of one batch. Derived per batch, not run through the epoch, so that an epoch
     * resumed at batch {@code b} deletes exactly the clicks an uninterrupted run would.
     */
    private SplittableRandom batchRandom(int epoch, int batchIndex) {
        return new SplittableRandom(mix(mix(config.seed(), epoch), batchIndex) ^ 0x5DEECE66DL);
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
