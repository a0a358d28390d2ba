package org.sessionrnn.bench;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SoftmaxModel;

/**
 * M1 training and evaluation speed on random sequences. Training times {@code trainStep} on filled batches
 * (what the trainer's loop does per batch); evaluation times the {@link Evaluator} with a {@link ModelRanker}:
 * batching, full ranking in the graph, ranks of the targets and Recall/MRR bookkeeping.
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
    Samples training(SoftmaxModel model) {
        return training(model, false);
    }

    /** Training sequences per second of wall time, or of process CPU time. */
    Samples training(SoftmaxModel model, boolean cpuTime) {
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
    Samples evaluation(SoftmaxModel model) {
        return evaluation(model, false);
    }

    /** Evaluated prefixes per second of wall time, or of process CPU time. */
    Samples evaluation(SoftmaxModel model, boolean cpuTime) {
        Evaluator evaluator = new Evaluator(20);
        ModelRanker ranker = new ModelRanker(model, s.batch(), s.steps(), s.items());
        Stopwatch.Work work = () -> evaluator.evaluate(ranker, sequences).metrics().count();
        return cpuTime ? Stopwatch.cpuRates(1, s.repeats(), work) : Stopwatch.rates(1, s.repeats(), work);
    }

    /** The sequences cut into filled batches (filling is not timed: about 100 us per batch, 0.1% of a step). */
    Batch[] batches() {
        int n = (sequences.size() + s.batch() - 1) / s.batch();
        Batch[] batches = new Batch[n];
        int[] clicks = new int[s.steps()];
        for (int b = 0; b < n; b++) {
            batches[b] = new Batch(s.batch(), s.steps(), s.items());
            for (int i = b * s.batch(); i < Math.min(sequences.size(), (b + 1) * s.batch()); i++) {
                int len = sequences.copyInput(i, s.steps(), clicks, 0);
                batches[b].add(clicks, len, sequences.label(i));
            }
        }
        return batches;
    }
}
