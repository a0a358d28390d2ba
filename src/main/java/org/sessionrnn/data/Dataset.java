package org.sessionrnn.data;

/**
 * A train/test split over one catalogue. For the sources that preprocess clicks, every item in {@code test} also
 * occurs in {@code train} and the catalogue is exactly the set of training items, and the sequences are every
 * prefix of every session. SR-GNN's files ({@link SrgnnReader}) fix their own sequences and score every item id
 * 1..max, so there the catalogue may hold items that no training session clicks, and the sequences are given.
 *
 * @param name          human-readable origin, e.g. the file name or "synthetic(seed=1)"
 * @param train         training sessions
 * @param test          test sessions; null in the view that hyperparameter selection gets ({@link #withoutTest()})
 * @param items         the catalogue
 * @param dataHash      a content hash of the input file(s) or of the generator settings, for provenance
 * @param trainPrefixes the training sequences ordered by label time when the data fixes them, else null (every
 *                      prefix of every training session)
 * @param testPrefixes  the test sequences when the data fixes them, else null (every prefix of every test session)
 * @param holdout       how runs hold out validation sequences from their training sequences
 */
public record Dataset(String name, SessionTable train, SessionTable test, ItemIndex items, String dataHash,
                      SequenceSet trainPrefixes, SequenceSet testPrefixes, Holdout holdout) {
    /** A dataset whose sequences are every prefix of every session, validated on randomly drawn sessions. */
    public Dataset(String name, SessionTable train, SessionTable test, ItemIndex items, String dataHash) {
        this(name, train, test, items, dataHash, null, null, Holdout.RANDOM_SESSIONS);
    }

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

    /** The training sequences ordered by the time of their label (recent fractions are suffixes). */
    public SequenceSet trainByTime() {
        return trainPrefixes != null ? trainPrefixes : SequenceBuilder.inLabelTimeOrder(train);
    }

    /**
     * The test sequences, in the order they are evaluated and their ranks stored.
     *
     * @throws TestWithheldException in the view without a test split
     */
    public SequenceSet testSequences() {
        return testPrefixes != null ? testPrefixes : SequenceBuilder.inSessionOrder(test());
    }

    /** The same training data and catalogue with no way to reach the test sessions. */
    public Dataset withoutTest() {
        return new Dataset(name, train, null, items, dataHash, trainPrefixes, null, holdout);
    }
}
