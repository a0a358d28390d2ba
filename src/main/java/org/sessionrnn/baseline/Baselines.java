package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;

/**
 * Fits the baseline {@link Ranker}s POP, S-POP and Item-KNN on the training sequences of a fraction.
 *
 * <p>Evaluation differs from GRU4Rec's {@code evaluation.evaluate_sessions} on purpose: that function adds
 * {@code 1e-8 * U(0,1)} noise to break ties at random and counts a hit when {@code rank < cut_off} (so its
 * "Recall@20" uses the top 19); here every baseline goes through the project's {@code Evaluator} with
 * {@code rank <= k} and reports the standard and conservative tie modes instead. The scores themselves
 * follow {@code baselines.py} exactly (up to order-preserving encodings). Rankers keep scratch buffers and
 * are not thread-safe.
 */
public final class Baselines {
    /** GRU4Rec's {@code top_n} default for {@code Pop} and {@code SessionPop}: items beyond it score 0. */
    public static final int POP_TOP_N = 100;
    /** GRU4Rec's {@code ItemKNN} defaults: {@code n_sims}, {@code lmbd}, {@code alpha}. */
    public static final int DEFAULT_NEIGHBOURS = 100;
    public static final double DEFAULT_LAMBDA = 20;
    public static final double DEFAULT_ALPHA = 0.5;

    private Baselines() {
    }

    /** POP: the {@value #POP_TOP_N} most clicked items of {@code train} (see {@link TrainingClicks#of}). */
    public static Ranker pop(SequenceSet train, int itemCount, int maxLength) {
        return PopRanker.fit(TrainingClicks.of(train, maxLength), itemCount, POP_TOP_N);
    }

    /** S-POP: POP with items of the current session first, by their clicks in it. */
    public static Ranker sessionPop(SequenceSet train, int itemCount, int maxLength) {
        return SessionPopRanker.fit(TrainingClicks.of(train, maxLength), itemCount, POP_TOP_N);
    }

    /**
     * Item-KNN on the clicks covered by {@code train}, its similarities computed on all cores.
     *
     * @param itemCount  catalogue size {@code m}; items are dense indices {@code 0..m-1}
     * @param maxLength  the input window length of the training sequences (defines the covered clicks)
     * @param neighbours GRU4Rec's {@code n_sims}
     * @param lambda     GRU4Rec's {@code lmbd}
     * @param alpha      GRU4Rec's {@code alpha}
     */
    public static Ranker itemKnn(SequenceSet train, int itemCount, int maxLength, int neighbours, double lambda,
                                 double alpha) {
        return ItemKnnRanker.fit(TrainingClicks.of(train, maxLength), itemCount, neighbours, lambda, alpha,
                Runtime.getRuntime().availableProcessors());
    }
}
