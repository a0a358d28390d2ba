package org.sessionrnn.runner;

import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.SequenceSet;

/**
 * The data every run of an experiment shares, prepared once.
 *
 * @param dataset    the train/test split and catalogue
 * @param trainByTime all training prefix sequences, ordered by the time of their label click
 * @param test       all test prefix sequences, in session order
 */
public record ExperimentData(Dataset dataset, SequenceSet trainByTime, SequenceSet test) {
    public int items() {
        return dataset.items().size();
    }
}
