package org.sessionrnn.data;

/**
 * Thrown when code asks a {@link Dataset} view without a test split for its test sessions: hyperparameter
 * selection works on such views, so reaching for the test set there is a programming error, not bad input.
 */
public final class TestWithheldException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param dataset the name of the dataset whose test split was asked for */
    public TestWithheldException(String dataset) {
        super("the test split of " + dataset + " is withheld (hyperparameter selection sees training data only)");
    }
}
