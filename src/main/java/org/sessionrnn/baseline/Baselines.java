package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;

import java.util.Locale;

/**
 * Builds a baseline {@link Ranker} by name: {@code pop}, {@code spop} or {@code itemknn}.
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

    /**
     * Fits baseline {@code model} on the clicks covered by {@code train} (see {@link TrainingClicks#of}).
     *
     * @param model      {@code pop}, {@code spop} or {@code itemknn} (case-insensitive)
     * @param train      the training sequences of a fraction
     * @param itemCount  catalogue size {@code m}; items are dense indices {@code 0..m-1}
     * @param maxLength  the input window length of the training sequences (defines the covered clicks)
     * @param neighbours Item-KNN {@code n_sims}
     * @param lambda     Item-KNN {@code lmbd}
     * @param alpha      Item-KNN {@code alpha}
     */
    public static Ranker fit(String model, SequenceSet train, int itemCount, int maxLength, int neighbours,
                             double lambda, double alpha) {
        TrainingClicks clicks = TrainingClicks.of(train, maxLength);
        return switch (model.toLowerCase(Locale.ROOT)) {
            case "pop" -> PopRanker.fit(clicks, itemCount, POP_TOP_N);
            case "spop" -> SessionPopRanker.fit(clicks, itemCount, POP_TOP_N);
            case "itemknn" -> ItemKnnRanker.fit(clicks, itemCount, neighbours, lambda, alpha,
                    Runtime.getRuntime().availableProcessors());
            default -> throw new IllegalArgumentException("unknown baseline: " + model + " (pop|spop|itemknn)");
        };
    }
}
