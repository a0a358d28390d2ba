package org.sessionrnn.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sessionrnn.export.ExportedModel;

/**
 * Turns sessions of raw item ids into recommendations with an {@link ExportedModel}: ids outside the catalogue
 * are skipped and reported, a session longer than the model's steps keeps its last clicks, a session without a
 * known item gets the most clicked training items, and sessions go to the model in batches of at most
 * {@link #MAX_ROWS}. Thread-safe.
 */
public final class Recommender {
    /** Sessions per call of the model. */
    public static final int MAX_ROWS = 512;

    private final ExportedModel model;

    public Recommender(ExportedModel model) {
        this.model = model;
    }

    /** The largest {@code k} the export supports. */
    public int maxK() {
        return model.manifest().top();
    }

    public ExportedModel model() {
        return model;
    }

    /**
     * Top-{@code k} recommendations of every session, in input order.
     *
     * @throws IllegalArgumentException when {@code k} is not in {@code 1..maxK()}
     */
    public List<Recommendation> recommend(List<SessionInput> sessions, int k) {
        if (k < 1 || k > maxK()) {
            throw new IllegalArgumentException("k must be between 1 and " + maxK() + " (the export's top), got " + k);
        }
        List<Recommendation> out = new ArrayList<>(sessions.size());
        for (int from = 0; from < sessions.size(); from += MAX_ROWS) {
            out.addAll(batch(sessions.subList(from, Math.min(sessions.size(), from + MAX_ROWS)), k));
        }
        return out;
    }

    private List<Recommendation> batch(List<SessionInput> sessions, int k) {
        int steps = model.manifest().steps();
        int[] padded = new int[sessions.size() * steps];
        Arrays.fill(padded, -1);
        List<List<String>> skipped = new ArrayList<>();
        boolean[] empty = new boolean[sessions.size()];
        for (int r = 0; r < sessions.size(); r++) {
            List<String> unknown = new ArrayList<>(sessions.get(r).unreadable());
            int[] known = known(sessions.get(r).ids(), unknown);
            skipped.add(unknown);
            empty[r] = known.length == 0;
            // the last `steps` known clicks, right-aligned
            int n = Math.min(known.length, steps);
            System.arraycopy(known, known.length - n, padded, r * steps + steps - n, n);
        }
        ExportedModel.Prediction p = model.predict(padded, sessions.size());
        List<Recommendation> out = new ArrayList<>(sessions.size());
        for (int r = 0; r < sessions.size(); r++) {
            out.add(empty[r] ? popular(k, skipped.get(r)) : row(p, r, k, skipped.get(r)));
        }
        return out;
    }

    /** Catalogue indices of {@code ids}, in order; unknown ids are added to {@code unknown}. */
    private int[] known(long[] ids, List<String> unknown) {
        int[] idx = new int[ids.length];
        int n = 0;
        for (long id : ids) {
            int i = model.indexOf(id);
            if (i < 0) {
                unknown.add(Long.toString(id));
            } else {
                idx[n++] = i;
            }
        }
        return Arrays.copyOf(idx, n);
    }

    private static Recommendation row(ExportedModel.Prediction p, int r, int k, List<String> skipped) {
        int at = r * p.top();
        return new Recommendation(Arrays.copyOfRange(p.ids(), at, at + k), Arrays.copyOfRange(p.scores(), at, at + k),
                skipped, false);
    }

    private Recommendation popular(int k, List<String> skipped) {
        int[] index = model.popular();
        long[] clicks = model.popularClicks();
        int n = Math.min(k, index.length);
        long[] ids = new long[n];
        float[] scores = new float[n];
        for (int j = 0; j < n; j++) {
            ids[j] = model.itemId(index[j]);
            scores[j] = clicks[j];
        }
        return new Recommendation(ids, scores, skipped, true);
    }
}
