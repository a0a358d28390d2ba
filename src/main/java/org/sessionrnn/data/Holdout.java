package org.sessionrnn.data;

/** Which of a run's training sessions are held out for early stopping ({@link SequenceSplitter#validationSplit}). */
public enum Holdout {
    /** Sessions drawn at random (by seed and session id), from the whole time range of the run's data. */
    RANDOM_SESSIONS,
    /**
     * The most recent sessions: for data whose test set is the period right after its training data and whose
     * sessions carry no real times, the tail of the training data is the closest stand-in for the test period.
     */
    RECENT_SESSIONS
}
