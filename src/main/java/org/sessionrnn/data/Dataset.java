package org.sessionrnn.data;

/**
 * A train/test split over one catalogue: every item in {@code test} also occurs in {@code train}, and the
 * catalogue is exactly the set of training items.
 *
 * @param name     human-readable origin, e.g. the file name or "synthetic(seed=1)"
 * @param train    training sessions
 * @param test     test sessions
 * @param items    the catalogue (training items)
 * @param dataHash a content hash of the input file(s) or of the generator settings, for provenance
 */
public record Dataset(String name, SessionTable train, SessionTable test, ItemIndex items, String dataHash) {
}
