package org.sessionrnn.data;

import org.sessionrnn.spec.PreprocessSpec;

/**
 * GRU4Rec's RSC15 preprocessing, which the paper's split follows: order clicks by (session, time); drop short
 * sessions; drop rarely clicked items; drop sessions that became short; put the sessions whose last click falls
 * within {@code testDays} of the latest click into the test set; drop test clicks on items unseen in training and
 * then test sessions that became short. One {@link ItemIndex} over the training items serves both sets.
 */
public final class Rsc15Preprocessor {
    private final PreprocessSpec spec;
    private final PreprocessListener listener;

    public Rsc15Preprocessor(PreprocessSpec spec, PreprocessListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    /** Filters and splits raw clicks into a dataset; fails when no training items or no test sessions remain. */
    public Dataset preprocess(ClickLog clicks, String name, String dataHash) {
        SessionClicks all = SessionClicks.sorted(clicks);
        report("raw clicks", all);
        all.retainSessionsOfLength(spec.minSessionLength());
        report("sessions >= " + spec.minSessionLength() + " clicks", all);
        all.retainItemsWithSupport(spec.minItemSupport());
        report("items >= " + spec.minItemSupport() + " clicks", all);
        all.retainSessionsOfLength(spec.minSessionLength());
        report("sessions >= " + spec.minSessionLength() + " clicks again", all);
        long threshold = all.maxTime() - Math.round(spec.testDays() * TimeParser.DAY_MS);
        boolean[] inTrain = all.sessionsEndingBefore(threshold);
        SessionClicks train = all.select(inTrain, true);
        report("train: sessions ending before the last " + spec.testDays() + " days", train);
        return finish(train, all.select(inTrain, false), name, dataHash);
    }

    /**
     * Builds a dataset from an already split pair, e.g. GRU4Rec's {@code train_full.tsv} and {@code test.tsv}.
     * The training clicks are only ordered by (session, time) and define the catalogue, since the split was
     * filtered when it was made; test clicks on unknown items are dropped, then test sessions that became
     * shorter than {@code minSessionLength}.
     */
    public Dataset fromSplit(ClickLog trainClicks, ClickLog testClicks, String name, String dataHash) {
        SessionClicks train = SessionClicks.sorted(trainClicks);
        report("train", train);
        return finish(train, SessionClicks.sorted(testClicks), name, dataHash);
    }

    /**
     * The training half of {@link #fromSplit} alone, without reading any test clicks: the same sessions,
     * catalogue and order, in a {@link Dataset#withoutTest() view without a test split}.
     */
    public Dataset trainingOnly(ClickLog trainClicks, String name, String dataHash) {
        SessionClicks train = SessionClicks.sorted(trainClicks);
        report("train", train);
        if (train.size() == 0) {
            throw new DataException(name + ": no training clicks left after preprocessing with " + spec);
        }
        checkTraining(name, train);
        ItemIndex catalogue = train.catalogue();
        return new Dataset(name, train.toTable(catalogue), null, catalogue, dataHash);
    }

    private Dataset finish(SessionClicks train, SessionClicks test, String name, String dataHash) {
        if (train.size() == 0) {
            throw new DataException(name + ": no training clicks left after preprocessing with " + spec);
        }
        ItemIndex catalogue = train.catalogue();
        report("test", test);
        test.retainItemsIn(catalogue);
        report("test: clicks on training items", test);
        test.retainSessionsOfLength(spec.minSessionLength());
        report("test: sessions >= " + spec.minSessionLength() + " clicks", test);
        if (test.size() == 0) {
            throw new DataException(name + ": no test sessions left after preprocessing with " + spec
                    + " (the test set is the sessions ending in the last testDays, on training items)");
        }
        checkSequences(name, train, test);
        return new Dataset(name, train.toTable(catalogue), test.toTable(catalogue), catalogue, dataHash);
    }

    /**
     * A training sequence and a test prefix both need a click followed by another in the same session: data whose
     * sessions all have one click (possible with {@code min_session_length: 1}, or in already split files) would
     * train on nothing and report a meaningless Recall.
     */
    private static void checkSequences(String name, SessionClicks train, SessionClicks test) {
        checkTraining(name, train);
        if ((long) test.size() - test.sessions() == 0) {
            throw new DataException(name + ": no test prefixes: every test session has a single click (a test "
                    + "prefix needs a click followed by another in the same session)");
        }
    }

    private static void checkTraining(String name, SessionClicks train) {
        if ((long) train.size() - train.sessions() == 0) {
            throw new DataException(name + ": no training sequences: every training session has a single click "
                    + "(a sequence needs a click followed by another in the same session)");
        }
    }

    private void report(String step, SessionClicks clicks) {
        listener.step(step, clicks.size(), clicks.sessions(), clicks.distinctItems());
    }
}
