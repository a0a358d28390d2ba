package org.sessionrnn.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds {@link ItemNeighbours} the way GRU4Rec's {@code ItemKNN.fit} ({@code baselines.py}) does:
 * <pre>
 *   c(i,j)   = sum over sessions s of n_s(i) * [j occurs in s],  j != i
 *   sim(i,j) = c(i,j) / ( (supp_i + lambda)^alpha * (supp_j + lambda)^(1 - alpha) )
 * </pre>
 * where {@code supp} counts training clicks and {@code n_s(i)} counts the clicks of {@code i} in session
 * {@code s}. GRU4Rec loops over every click of {@code i} and adds 1 to each item of that click's session through
 * numpy fancy indexing ({@code iarray[items_of_session] += 1}), which adds once per distinct item however often
 * it repeats; hence the asymmetric count above (the docstring's "sessions containing both" differs only when
 * {@code i} repeats within a session). {@code sim(i,i) = 0}. Each item keeps its {@code n} largest similarities
 * ({@code n_sims}); only positive similarities are stored, since the rest score 0 like non-neighbours. Ties at
 * the cut are resolved by {@link TopN} (lower item index first); numpy's {@code argsort} leaves them unspecified.
 *
 * <p>Counting is sparse: per item a dense {@code int[m]} accumulator plus a touched list, reset after use; items
 * are processed in chunks by {@code threads} workers, each with its own scratch.
 */
public final class ItemKnnBuilder {
    private static final int CHUNK = 64;

    private final SessionItemSets sets;
    private final int neighbours;
    private final double[] itemNorm;
    private final double[] neighbourNorm;
    private final ItemNeighbours result;

    private ItemKnnBuilder(SessionItemSets sets, int[] support, int neighbours, double lambda, double alpha) {
        this.sets = sets;
        this.neighbours = neighbours;
        this.itemNorm = new double[support.length];
        this.neighbourNorm = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            itemNorm[i] = Math.pow(support[i] + lambda, alpha);
            neighbourNorm[i] = Math.pow(support[i] + lambda, 1.0 - alpha);
        }
        this.result = new ItemNeighbours(support.length, neighbours);
    }

    /** Builds the neighbour lists of all {@code itemCount} items from {@code clicks}. */
    public static ItemNeighbours build(TrainingClicks clicks, int itemCount, int neighbours, double lambda,
                                       double alpha, int threads) {
        SessionItemSets sets = SessionItemSets.of(clicks, itemCount);
        ItemKnnBuilder builder = new ItemKnnBuilder(sets, clicks.supports(itemCount), neighbours, lambda, alpha);
        builder.runWorkers(Math.max(1, threads));
        return builder.result;
    }

    private void runWorkers(int threads) {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> new Worker().run(next), "itemknn-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building Item-KNN", e);
            }
        }
    }

    /** One thread's scratch: co-occurrence accumulator, touched list and top-n selection. */
    private final class Worker {
        private final int[] counts = new int[itemNorm.length];
        private final int[] touched = new int[itemNorm.length];
        private final TopN top = new TopN(neighbours);
        private final int[] bestIds = new int[neighbours];
        private final double[] bestSims = new double[neighbours];

        void run(AtomicInteger next) {
            int m = itemNorm.length;
            for (int first = next.getAndAdd(CHUNK); first < m; first = next.getAndAdd(CHUNK)) {
                for (int item = first; item < Math.min(m, first + CHUNK); item++) {
                    int kept = select(item, accumulate(item));
                    result.set(item, bestIds, bestSims, kept);
                }
            }
        }

        /** Fills {@code counts} with c(item, j) and returns how many j were touched. */
        private int accumulate(int item) {
            int t = 0;
            for (int e = sets.itemOffsets[item]; e < sets.itemOffsets[item + 1]; e++) {
                int session = sets.itemSessions[e];
                int weight = sets.itemClicks[e];
                for (int q = sets.sessionOffsets[session]; q < sets.sessionOffsets[session + 1]; q++) {
                    int other = sets.sessionItems[q];
                    if (counts[other] == 0) {
                        touched[t++] = other;
                    }
                    counts[other] += weight;
                }
            }
            return t;
        }

        /** Offers every touched neighbour's similarity to the top-n, resets the scratch, returns the count. */
        private int select(int item, int touchedCount) {
            top.clear();
            for (int k = 0; k < touchedCount; k++) {
                int other = touched[k];
                if (other != item) {
                    double norm = itemNorm[item] * neighbourNorm[other];
                    top.offer(other, counts[other] / (norm == 0 ? 1.0 : norm));
                }
                counts[other] = 0;
            }
            return top.drainBestFirst(bestIds, bestSims);
        }
    }
}
