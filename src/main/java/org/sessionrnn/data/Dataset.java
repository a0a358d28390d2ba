package org.sessionrnn.data;

/**
 * A train/test split over one catalogue: every item in {@code test} also occurs in {@code train}, and the
 * catalogue is exactly the set of training items.
 *
 * @param name     human-readable origin, e.g. the file name or "synthetic(seed=1)"
 * @param train    training sessions
 * @param test     test sessions; null in the view that hyperparameter selection gets ({@link #withoutTest()})
 * @param items    the catalogue (training items)
 * @param dataHash a content hash of the input file(s) or of the generator settings, for provenance
 */
public record Dataset(String name, SessionTable train, SessionTable test, ItemIndex items, String dataHash) {
    /**
     * The test sessions.
     *
     * @throws TestWithheldException in the view without a test split
     */
    @Override
    public SessionTable test() {
        if (test == null) {
            throw new TestWithheldException(name);
        }
        return test;
    }

    /** False in the view without a test split. */
    public boolean hasTest() {
        return test != null;
    }

    /** The same training data and catalogue with no way to reach the test sessions. */
    public Dataset withoutTest() {
        return new Dataset(name, train, null, items, dataHash);
    }
}
