package org.sessionrnn.bench;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.NeuralModel;

/**
 * M1 training and evaluation speed on random sequences. Training times {@code trainStep} on filled batches
 * (what the trainer's loop does per batch); evaluation times the {@link Evaluator} with a {@link ModelRanker}:
 * batching, every item scored in the graph, ranks of the targets counted from the scores and Recall/MRR
 * bookkeeping.
 */
final class ModelBench {
    private static final float LEARNING_RATE = 0.001f;

    private final BenchSettings s;
    private final SequenceSet sequences;

    ModelBench(BenchSettings s) {
        this.s = s;
        this.sequences = RandomSequences.generate(s.batch() * s.batchesPerRepeat(), s.items(), s.seed());
    }

    /** Training sequences per second. */
    Samples training(NeuralModel model) {
        return training(model, false);
    }

    /** Training sequences per second of wall time, or of process CPU time. */
    Samples training(NeuralModel model, boolean cpuTime) {
        Batch[] batches = batches();
        Stopwatch.Work work = () -> {
            for (Batch b : batches) {
                model.trainStep(b, LEARNING_RATE);
            }
            return sequences.size();
        };
        return cpuTime ? Stopwatch.cpuRates(1, s.repeats(), work) : Stopwatch.rates(1, s.repeats(), work);
    }

    /** Evaluated prefixes per second. */
    Samples evaluation(NeuralModel model) {
        return evaluation(model, false);
    }

    /** Evaluated prefixes per second of wall time, or of process CPU time. */
    Samples evaluation(NeuralModel model, boolean cpuTime) {
        Evaluator evaluator = new Evaluator(20);
        ModelRanker ranker = new ModelRanker(model, s.batch(), s.steps(), s.items());
        Stopwatch.Work work = () -> evaluator.evaluate(ranker, sequences).metrics().count();
        return cpuTime ? Stopwatch.cpuRates(1, s.repeats(), work) : Stopwatch.rates(1, s.repeats(), work);
    }

    /**
     * The sequences in a seeded random order, as the trainer shuffles them, cut into filled batches (filling is
     * not timed: about 100 us per batch, 0.1% of a step). No click deletion: the trainer's deletion shortens
     * inputs, so training with it is a little faster than measured here.
     */
    Batch[] batches() {
        int[] order = shuffledOrder();
        int n = (order.length + s.batch() - 1) / s.batch();
        Batch[] batches = new Batch[n];
        int[] clicks = new int[s.steps()];
        for (int b = 0; b < n; b++) {
            batches[b] = new Batch(s.batch(), s.steps(), s.items());
            for (int k = b * s.batch(); k < Math.min(order.length, (b + 1) * s.batch()); k++) {
                int i = order[k];
                int len = sequences.copyInput(i, s.steps(), clicks, 0);
                batches[b].add(clicks, len, sequences.label(i));
            }
        }
        return batches;
    }

    /** Mean number of input clicks per sequence (at most {@code steps}): what the GRU computes. */
    double meanInputLength() {
        int[] clicks = new int[s.steps()];
        long total = 0;
        for (int i = 0; i < sequences.size(); i++) {
            total += sequences.copyInput(i, s.steps(), clicks, 0);
        }
        return (double) total / sequences.size();
    }

    private int[] shuffledOrder() {
        int[] order = new int[sequences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(s.seed());
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
