package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.DataSpec;

/** SR-GNN's pickled files: sessions rebuilt from prefixes, test prefixes as given, every id 1..max scored. */
class SrgnnReaderTest {
    static Path srgnn(String name) {
        return TestFiles.fixture("srgnn/" + name);
    }

    private static Dataset tiny(String train, String test) {
        return SrgnnReader.read(srgnn(train), srgnn(test), "tiny", "hash", PreprocessListener.NONE);
    }

    @Test
    void rebuildsTrainingSessionsFromPrefixesIncludingACutFirstSession() {
        Dataset d = tiny("train.txt", "test.txt");
        assertEquals(List.of(List.of(1, 2, 3), List.of(5, 6, 7), List.of(2, 5)), sessions(d.train()));
        SequenceSet byTime = d.trainByTime();
        assertEquals(5, byTime.size());
        assertArrayEquals(new int[] {2, 3, 6, 7, 5}, labels(byTime), "shortest prefix of each session first");
        assertEquals(List.of(1, 2), input(byTime, 1));
        assertTrue(byTime.labelTimeMs(0) < byTime.labelTimeMs(4), "synthetic times increase in file order");
        assertEquals(Holdout.RECENT_SESSIONS, d.holdout());
    }

    @Test
    void evaluatesTheTestPrefixesExactlyAsGivenOverEveryIdUpToTheLargest() {
        Dataset d = tiny("train.txt", "test.txt");
        assertEquals(9, d.items().size(), "ids 1..9: 4, 8 and 9 occur in no training session");
        assertEquals(1, d.items().rawId(0));
        SequenceSet test = d.testSequences();
        assertArrayEquals(new int[] {9, 1, 2}, labels(test), "file order, one target per entry, none dropped");
        assertEquals(List.of(8, 1), input(test, 0));
        assertEquals(List.of(8), input(test, 1));
        assertEquals(List.of(3, 3), input(test, 2), "a chain that stops at length 2 adds no shorter prefix");
        assertEquals(2, d.test().sessions());
    }

    @Test
    void allTrainSeqGivesTheSessionsThatTrainTxtRebuilds() {
        Dataset fromPrefixes = tiny("train.txt", "test.txt");
        Dataset fromSessions = tiny("all_train_seq.txt", "test.txt");
        assertEquals(sessions(fromPrefixes.train()), sessions(fromSessions.train()));
        assertArrayEquals(labels(fromPrefixes.trainByTime()), labels(fromSessions.trainByTime()));
    }

    @Test
    void picklesOfProtocolZeroAndFourReadTheSame() {
        SequenceSet expected = tiny("train.txt", "test.txt").testSequences();
        for (String name : List.of("test_protocol0.txt", "test_protocol4.txt")) {
            SequenceSet test = tiny("train.txt", name).testSequences();
            assertArrayEquals(labels(expected), labels(test), name);
            assertEquals(input(expected, 0), input(test, 0), name);
        }
    }

    @Test
    void aTestFileOfSessionsIsRefused() {
        DataException e = assertThrows(DataException.class, () -> tiny("train.txt", "all_train_seq.txt"));
        assertTrue(e.getMessage().startsWith(srgnn("all_train_seq.txt") + ": holds a list of sessions"),
                e.getMessage());
    }

    @Test
    void trainingOnlyNeverOpensTheTestFile() {
        DataLoader loader = new DataLoader(Path.of("unused"), PreprocessListener.NONE);
        DataSpec spec = new DataSpec("srgnn", null, srgnn("train.txt"), srgnn("os_system.txt"), null, null, null);
        Dataset training = loader.loadTraining(spec);
        assertFalse(training.hasTest());
        assertEquals(7, training.items().size(), "ids 1..7 of the training file");
        assertEquals(DataLoader.contentHash(srgnn("train.txt")), training.dataHash());
        DataException e = assertThrows(DataException.class, () -> loader.load(spec));
        assertTrue(e.getMessage().contains("os_system.txt"), e.getMessage());
        DataSpec good = new DataSpec("srgnn", null, srgnn("train.txt"), srgnn("test.txt"), null, null, null);
        assertEquals(DataLoader.contentHash(srgnn("train.txt"), srgnn("test.txt")), loader.load(good).dataHash());
    }

    @Test
    void yoochoose164RebuiltFromTrainTxtEqualsAllTrainSeq() {
        Path train = TestFiles.sharedData("srgnn-yoochoose1_64/train.txt");
        Path sessions = TestFiles.sharedData("srgnn-yoochoose1_64/all_train_seq.txt");
        Path test = TestFiles.sharedData("srgnn-yoochoose1_64/test.txt");
        long start = System.nanoTime();
        Dataset fromPrefixes = SrgnnReader.read(train, test, "yc", "h", PreprocessListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset fromSessions = SrgnnReader.read(sessions, test, "yc", "h", PreprocessListener.NONE);
        assertEquals(116_167, fromPrefixes.train().sessions());
        assertEquals(486_026, fromPrefixes.train().clicks());
        assertEquals(369_859, fromPrefixes.trainByTime().size());
        assertEquals(55_898, fromPrefixes.testSequences().size());
        assertEquals(37_483, fromPrefixes.items().size());
        assertEquals(sessions(fromSessions.train()), sessions(fromPrefixes.train()));
        assertArrayEquals(labels(fromSessions.trainByTime()), labels(fromPrefixes.trainByTime()));
        assertTrue(seconds < 30, "reading train.txt and test.txt took " + seconds + " s");
        assertNull(fromPrefixes.withoutTest().testPrefixes());
    }

    static List<List<Integer>> sessions(SessionTable table) {
        List<List<Integer>> all = new ArrayList<>();
        for (int s = 0; s < table.sessions(); s++) {
            List<Integer> items = new ArrayList<>();
            for (int p = table.offset(s); p < table.end(s); p++) {
                items.add(table.item(p) + 1);
            }
            all.add(items);
        }
        return all;
    }

    private static int[] labels(SequenceSet set) {
        int[] ids = new int[set.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = set.label(i) + 1;
        }
        return ids;
    }

    private static List<Integer> input(SequenceSet set, int i) {
        int[] buffer = new int[1000];
        int n = set.copyInput(i, buffer.length, buffer, 0);
        List<Integer> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ids.add(buffer[k] + 1);
        }
        return ids;
    }

    static boolean exists(String path) {
        return Files.exists(Path.of(path));
    }
}
