package org.sessionrnn.runner;

import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.TestWithheldException;

/**
 * The data every run of an experiment shares, prepared once.
 *
 * @param dataset    the train/test split and catalogue
 * @param trainByTime all training prefix sequences, ordered by the time of their label click
 * @param test       all test prefix sequences, in session order; null in the view hyperparameter selection gets
 */
public record ExperimentData(Dataset dataset, SequenceSet trainByTime, SequenceSet test) {
    /** The data of a selection: training sequences from {@code trainOnly}, no test split at all. */
    public static ExperimentData withoutTest(Dataset trainOnly, SequenceSet trainByTime) {
        return new ExperimentData(trainOnly.withoutTest(), trainByTime, null);
    }

    /**
     * The test prefixes.
     *
     * @throws TestWithheldException in the view without a test split
     */
    @Override
    public SequenceSet test() {
        if (test == null) {
            throw new TestWithheldException(dataset.name());
        }
        return test;
    }

    /** False in the view hyperparameter selection gets. */
    public boolean hasTest() {
        return test != null;
    }

    public int items() {
        return dataset.items().size();
    }
}
