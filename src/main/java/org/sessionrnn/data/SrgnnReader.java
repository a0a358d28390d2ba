package org.sessionrnn.data;

import java.nio.file.Path;

/**
 * Reads the SR-GNN protocol's pickled files (Wu et al., AAAI 2019; NARM, STAMP and most later session-based papers
 * use the same files): a training file, either {@code train.txt} (the pair {@code (prefixes, labels)}) or
 * {@code all_train_seq.txt} (the list of sessions), and the test file {@code test.txt}. Both are in date order.
 * Training sessions are rebuilt from the prefixes ({@link SrgnnSessions}); the test prefixes are evaluated exactly
 * as given, one target each, none dropped. The catalogue is every item id 1..max over the files read, as SR-GNN
 * scores every id below its {@code n_node}: a test target that never occurs in training is simply a miss. Runs
 * hold out the most recent training sessions for validation ({@link Holdout#RECENT_SESSIONS}).
 */
public final class SrgnnReader {
    private SrgnnReader() {
    }

    /** The dataset of a training file and a test file; any problem with either raises a {@link DataException}. */
    public static Dataset read(Path trainFile, Path testFile, String name, String dataHash,
                               PreprocessListener listener) {
        SrgnnFile trainLists = SrgnnFile.read(trainFile);
        SrgnnFile testLists = SrgnnFile.readPrefixes(testFile);
        SrgnnSessions train = training(trainFile, trainLists, listener);
        SrgnnSessions test = SrgnnSessions.of(testLists, train.table().sessions(),
                train.table().timeMs(train.table().clicks() - 1) + 1000);
        report(listener, "test: sessions rebuilt from " + testLists.lists() + " prefixes", test.table());
        ItemIndex catalogue = catalogue(Math.max(trainLists.maxItem(), testLists.maxItem()));
        return new Dataset(name, train.table(), test.table(), catalogue, dataHash, train.byTime(),
                test.inFileOrder(), Holdout.RECENT_SESSIONS);
    }

    /**
     * The training file alone, in a {@link Dataset#withoutTest() view without a test split}: the test file is not
     * opened, so the catalogue is the ids 1..max of the training file.
     */
    public static Dataset readTraining(Path trainFile, String name, String dataHash, PreprocessListener listener) {
        SrgnnFile trainLists = SrgnnFile.read(trainFile);
        SrgnnSessions train = training(trainFile, trainLists, listener);
        return new Dataset(name, train.table(), null, catalogue(trainLists.maxItem()), dataHash, train.byTime(),
                null, Holdout.RECENT_SESSIONS);
    }

    private static SrgnnSessions training(Path file, SrgnnFile lists, PreprocessListener listener) {
        SrgnnSessions train = SrgnnSessions.of(lists, 0, 0);
        report(listener, lists.hasLabels() ? "train: sessions rebuilt from " + lists.lists() + " prefixes"
                : "train: " + lists.lists() + " sessions", train.table());
        if (train.byTime().size() == 0) {
            throw new DataException(file + ": no training sequences: every session has a single click (a sequence "
                    + "needs a click followed by another in the same session)");
        }
        return train;
    }

    private static ItemIndex catalogue(int maxItem) {
        long[] ids = new long[maxItem];
        for (int i = 0; i < maxItem; i++) {
            ids[i] = i + 1;
        }
        return ItemIndex.of(ids);
    }

    private static void report(PreprocessListener listener, String step, SessionTable table) {
        boolean[] seen = new boolean[1];
        int distinct = 0;
        for (int p = 0; p < table.clicks(); p++) {
            int item = table.item(p);
            if (item >= seen.length) {
                seen = java.util.Arrays.copyOf(seen, Math.max(item + 1, seen.length * 2));
            }
            distinct += seen[item] ? 0 : 1;
            seen[item] = true;
        }
        listener.step(step, table.clicks(), table.sessions(), distinct);
    }
}
