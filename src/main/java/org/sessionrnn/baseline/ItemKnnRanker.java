package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;
import org.sessionrnn.eval.Ranks;

/**
 * Item-KNN: GRU4Rec's {@code ItemKNN.predict_next} ({@code baselines.py}). The score of item {@code j} for a
 * prefix whose last click is {@code i} is {@code sim(i,j)} when {@code j} is one of the kept neighbours of
 * {@code i} (see {@link ItemKnnBuilder}) and 0 otherwise (including {@code j = i}); earlier clicks are ignored.
 * Only the order of scores matters for ranks, so the float scores handed to {@link Ranks} are dense rank levels
 * of the double similarities (see {@link #writeScores}).
 */
public final class ItemKnnRanker implements Ranker {
    private final ItemNeighbours neighbours;
    private final float[] scores;

    public ItemKnnRanker(ItemNeighbours neighbours) {
        this.neighbours = neighbours;
        this.scores = new float[neighbours.itemCount()];
    }

    /** Fits on {@code clicks} over a catalogue of {@code itemCount} items using {@code threads} threads. */
    public static ItemKnnRanker fit(TrainingClicks clicks, int itemCount, int neighbours, double lambda,
                                    double alpha, int threads) {
        return new ItemKnnRanker(ItemKnnBuilder.build(clicks, itemCount, neighbours, lambda, alpha, threads));
    }

    public ItemNeighbours neighbours() {
        return neighbours;
    }

    /**
     * Writes the neighbours' scores of {@code item} into {@code scores} and returns their number. Neighbours are
     * stored most similar first; the score is the dense rank level of the double similarity (distinct values
     * count down from {@code count} to at least 1), which orders and ties exactly like the double values.
     */
    private int writeScores(int item) {
        int count = neighbours.count(item);
        float level = count;
        for (int k = 0; k < count; k++) {
            if (k > 0 && neighbours.similarityAt(item, k) != neighbours.similarityAt(item, k - 1)) {
                level--;
            }
            scores[neighbours.neighbour(item, k)] = level;
        }
        return count;
    }

    @Override
    public void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative) {
        for (int i = from; i < to; i++) {
            int last = sequences.table().item(sequences.labelPos(i) - 1);
            int count = writeScores(last);
            int target = sequences.label(i);
            standard[i - from] = Ranks.standard(scores, 0, scores.length, target);
            conservative[i - from] = Ranks.conservative(scores, 0, scores.length, target);
            for (int k = 0; k < count; k++) {
                scores[neighbours.neighbour(last, k)] = 0f;
            }
        }
    }
}
