package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.PreprocessSpec;

class Rsc15PreprocessorTest {
    private static final long DAY = 86_400_000L;
    private static final PreprocessSpec MIN_SUPPORT_2 = new PreprocessSpec(2, 2, 1.0);

    @Test
    void filtersAndSplitsByTheLastDay() {
        ClickLog log = new ClickLog();
        // session 10 (train, out of order in the file), items 1,2,1
        log.add(10, 2, 2_000);
        log.add(10, 1, 1_000);
        log.add(10, 1, 3_000);
        // session 11: one click only -> dropped
        log.add(11, 1, 4_000);
        // session 12 (train): 2,3 -> item 3 has support 1 -> session becomes length 1 -> dropped
        log.add(12, 2, 5_000);
        log.add(12, 3, 6_000);
        // session 13 (train): 2,1
        log.add(13, 2, 7_000);
        log.add(13, 1, 8_000);
        // session 20 (test, ends within a day of the last click): 1,4,4,2 -> item 4 unknown in training -> 1,2
        log.add(20, 1, 2 * DAY);
        log.add(20, 4, 2 * DAY + 1);
        log.add(20, 4, 2 * DAY + 2);
        log.add(20, 2, 2 * DAY + 3);
        // session 21 (test) 1,4 -> only 1 left -> dropped
        log.add(21, 1, 2 * DAY + 10);
        log.add(21, 4, 2 * DAY + 11);

        Dataset d = new Rsc15Preprocessor(MIN_SUPPORT_2, PreprocessListener.NONE).preprocess(log, "tiny", "h");

        assertEquals(2, d.items().size());
        assertEquals(2, d.train().sessions());
        assertEquals(10, d.train().sessionId(0));
        assertEquals(13, d.train().sessionId(1));
        int item1 = d.items().indexOf(1);
        int item2 = d.items().indexOf(2);
        assertEquals(item1, d.train().item(0), "session 10 sorted by time: 1,2,1");
        assertEquals(item2, d.train().item(1));
        assertEquals(1, d.test().sessions());
        assertEquals(20, d.test().sessionId(0));
        assertEquals(2, d.test().clicks());
        assertEquals(item2, d.test().item(1));
        assertEquals(1, d.test().prefixCount());
    }

    @Test
    void reportsEveryStep() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClickLog log = new ClickLog();
        log.add(1, 5, 0);
        log.add(1, 6, 1);
        log.add(2, 5, 2 * DAY);
        log.add(2, 6, 2 * DAY + 1);
        new Rsc15Preprocessor(new PreprocessSpec(2, 1, 1.0),
                PreprocessListener.printingTo(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .preprocess(log, "two", "h");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(8, text.lines().count(), text);
        assertTrue(text.contains("test: sessions >= 2 clicks"), text);
    }

    @Test
    void noTestSessionLeftIsAnError() {
        ClickLog log = new ClickLog();
        log.add(1, 5, 0);
        log.add(1, 6, 1);
        log.add(2, 7, 2 * DAY);
        log.add(2, 8, 2 * DAY + 1);
        DataException e = assertThrows(DataException.class,
                () -> new Rsc15Preprocessor(new PreprocessSpec(2, 1, 1.0), PreprocessListener.NONE)
                        .preprocess(log, "disjoint", "h"));
        assertTrue(e.getMessage().contains("no test sessions"), e.getMessage());
    }

    @Test
    void noTrainingItemLeftIsAnError() {
        ClickLog log = new ClickLog();
        log.add(1, 5, 0);
        log.add(1, 6, 1);
        DataException e = assertThrows(DataException.class,
                () -> new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.NONE).preprocess(log, "x", "h"));
        assertTrue(e.getMessage().contains("no training clicks"), e.getMessage());
    }

    @Test
    void rsc15SampleGivesTheDocumentedCounts() {
        ClickLog raw = YoochooseReader.read(TestFiles.sharedData("rsc15-100k/yoochoose-clicks-100k.dat"));
        assertEquals(83_846, raw.size());
        Dataset d = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.printingTo(System.out))
                .preprocess(raw, "rsc15-100k", "h");
        assertEquals(69_786, d.train().clicks());
        assertEquals(17_688, d.train().sessions());
        assertEquals(2_808, d.items().size());
        assertEquals(13_505, d.test().clicks());
        assertEquals(3_403, d.test().sessions());
        assertEquals(10_102, d.test().prefixCount());
    }

    @Test
    void gru4recPairGivesTheDocumentedCounts() {
        ClickLog train = Gru4recTsvReader.read(TestFiles.sharedData("rsc15-100k/train_full.tsv"));
        ClickLog test = Gru4recTsvReader.read(TestFiles.sharedData("rsc15-100k/test.tsv"));
        Dataset d = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.printingTo(System.out))
                .fromSplit(train, test, "rsc15-100k pair", "h");
        assertEquals(70_278, d.train().clicks());
        assertEquals(17_794, d.train().sessions());
        assertEquals(2_933, d.items().size());
        assertEquals(13_568, d.test().clicks());
        assertEquals(3_416, d.test().sessions());
        assertEquals(13_568 - 3_416, d.test().prefixCount());
    }

    /** Runs only when YOOCHOOSE_CLICKS (system property or environment) points at the full yoochoose-clicks.dat. */
    @Test
    void fullYoochooseFileGivesThePapersSplit() {
        String location = System.getProperty("YOOCHOOSE_CLICKS", System.getenv("YOOCHOOSE_CLICKS"));
        Assumptions.assumeTrue(location != null && Files.isRegularFile(Path.of(location)),
                "set YOOCHOOSE_CLICKS to the full yoochoose-clicks.dat to run the full-data check");
        Dataset d = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.printingTo(System.out))
                .preprocess(YoochooseReader.read(Path.of(location)), "yoochoose", "h");
        assertEquals(7_966_257, d.train().sessions());
        assertEquals(15_324, d.test().sessions());
        assertEquals(37_483, d.items().size());
        assertEquals(55_898, d.test().prefixCount());
        long trainPrefixes = d.train().prefixCount();
        assertTrue(trainPrefixes == 23_670_981L || trainPrefixes == 23_670_982L, "train prefixes " + trainPrefixes);
    }
}
