package org.sessionrnn.eval;

import org.sessionrnn.data.SequenceSet;

/**
 * Drives a {@link Ranker} over every test prefix in batches and accumulates Recall@k and MRR@k under both tie
 * modes, keeping the per-prefix ranks for paired significance tests.
 */
public final class Evaluator {
    private final int cutoff;

    public Evaluator(int cutoff) {
        this.cutoff = cutoff;
    }

    /** Ranks every sequence of {@code test} once. */
    public EvaluationResult evaluate(Ranker ranker, SequenceSet test) {
        int n = test.size();
        int[] standard = new int[n];
        int[] conservative = new int[n];
        int batch = Math.max(1, ranker.batchSize());
        int[] s = new int[batch];
        int[] c = new int[batch];
        RankingMetrics metrics = new RankingMetrics(cutoff);
        long start = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            ranker.rank(test, from, to, s, c);
            for (int j = 0; j < to - from; j++) {
                standard[from + j] = s[j];
                conservative[from + j] = c[j];
                metrics.add(s[j], c[j]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvaluationResult(metrics, standard, conservative, seconds);
    }
}
