package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.spec.CsvSpec;

class ReadersTest {
    private static final CsvSpec DIGINETICA =
            new CsvSpec(";", true, "session_id", "item_id", "eventdate", "date", "timeframe");

    @Test
    void readsRawYoochooseRowsSkippingBlankLines() {
        ClickLog log = YoochooseReader.read(TestFiles.fixture("tiny.dat"));
        assertEquals(5, log.size());
        assertEquals(1, log.sessionId(0));
        assertEquals(214536506, log.itemId(1));
        assertEquals(Instant.parse("2014-04-07T10:51:09.277Z").toEpochMilli(), log.timeMs(0));
        assertEquals(Instant.parse("2014-04-01T00:00:00Z").toEpochMilli(), log.timeMs(4));
    }

    @Test
    void badTimestampNamesFileLineTextAndExpectation() {
        DataException e = assertThrows(DataException.class,
                () -> YoochooseReader.read(TestFiles.fixture("bad_timestamp.dat")));
        assertMessage(e, "bad_timestamp.dat:3:", "'2014-13-01T10:51:09.277Z'", "expected ISO-8601");
    }

    @Test
    void wrongColumnCountNamesLineAndLayout() {
        DataException e = assertThrows(DataException.class,
                () -> YoochooseReader.read(TestFiles.fixture("wrong_columns.dat")));
        assertMessage(e, "wrong_columns.dat:2:", "expected 4 fields", "SessionId,Timestamp,ItemId,Category",
                "found 3");
    }

    @Test
    void badNumberNamesTheField() {
        DataException e = assertThrows(DataException.class,
                () -> YoochooseReader.read(TestFiles.fixture("bad_number.dat")));
        assertMessage(e, "bad_number.dat:2:", "bad item id '21x536506'", "expected an integer");
    }

    @Test
    void emptyAndMissingFilesAreReported() {
        assertMessage(assertThrows(DataException.class, () -> YoochooseReader.read(TestFiles.fixture("empty.dat"))),
                "empty.dat", "no data rows");
        assertMessage(assertThrows(DataException.class, () -> YoochooseReader.read(Path.of("no/such.dat"))),
                "such.dat", "file not found");
        assertMessage(assertThrows(DataException.class, () -> Gru4recTsvReader.read(TestFiles.fixture("empty.dat"))),
                "empty.dat", "empty file");
    }

    @Test
    void gru4recColumnsComeFromTheHeader() {
        ClickLog log = Gru4recTsvReader.read(TestFiles.fixture("tiny.tsv"));
        assertEquals(3, log.size());
        assertEquals(5, log.sessionId(0));
        assertEquals(100, log.itemId(0));
        assertEquals(1_396_332_318_365L, log.timeMs(0));
        assertEquals(1_396_332_319_000L, log.timeMs(1));
        assertEquals(1_396_332_320_100L, log.timeMs(2));
    }

    @Test
    void gru4recHeaderWithoutTimeIsRejected() {
        DataException e = assertThrows(DataException.class,
                () -> Gru4recTsvReader.read(TestFiles.fixture("no_time_column.tsv")));
        assertMessage(e, "no_time_column.tsv:1:", "no column 'Time'", "SessionId<TAB>ItemId<TAB>Time");
    }

    @Test
    void delimitedOrdersClicksWithinADayByTheOrderColumn() {
        ClickLog log = DelimitedReader.read(TestFiles.fixture("tiny_views.csv"), DIGINETICA);
        assertEquals(3, log.size());
        long day = Instant.parse("2016-05-09T00:00:00Z").toEpochMilli();
        assertEquals(day + 526_309, log.timeMs(0));
        assertEquals(day + 1_031_018, log.timeMs(1));
        assertEquals(81766, log.itemId(0));
    }

    @Test
    void delimitedAcceptsIndicesAndPatterns() {
        CsvSpec spec = new CsvSpec("|", false, "0", "1", "2", "yyyy-MM-dd HH:mm:ss", null);
        ClickLog log = DelimitedReader.read(TestFiles.fixture("tiny_pattern.txt"), spec);
        assertEquals(2, log.size());
        assertEquals(Instant.parse("2014-04-07T10:52:10Z").toEpochMilli(), log.timeMs(1));
    }

    @Test
    void delimitedRejectsNamesWithoutHeaderAndUnknownNames() {
        CsvSpec noHeader = new CsvSpec("|", false, "session", "1", "2", "iso", null);
        assertMessage(assertThrows(DataException.class,
                () -> DelimitedReader.read(TestFiles.fixture("tiny_pattern.txt"), noHeader)), "no header");
        CsvSpec unknown = new CsvSpec(";", true, "sessionId", "item_id", "eventdate", "date", null);
        assertMessage(assertThrows(DataException.class,
                () -> DelimitedReader.read(TestFiles.fixture("tiny_views.csv"), unknown)),
                "tiny_views.csv:1:", "no column 'sessionId'");
    }

    /** Spreadsheet programs begin UTF-8 exports with a byte order mark; the header's first name is still found. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumnName(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("views.csv");
        Files.writeString(file, "\uFEFFsession_id,item_id,timestamp\n1,11,2014-04-01T10:00:00Z\n"
                + "1,12,2014-04-01T10:01:00Z\n");
        ClickLog log = DelimitedReader.read(file, CsvSpec.DEFAULT);
        assertEquals(2, log.size());
        assertEquals(12, log.itemId(1));
    }

    @Test
    void srgnnReaderNamesTheFileAndTheProblem() {
        assertMessage(assertThrows(DataException.class, () -> SrgnnReader.read(TestFiles.fixture("tiny.tsv"),
                TestFiles.fixture("srgnn/test.txt"), "x", "h", PreprocessListener.NONE)), "tiny.tsv: not a pickle");
        assertMessage(assertThrows(DataException.class, () -> SrgnnReader.read(TestFiles.fixture("srgnn/train.txt"),
                TestFiles.fixture("srgnn/mismatch.txt"), "x", "h", PreprocessListener.NONE)), "mismatch.txt: ",
                "2 prefixes but 1 labels");
    }

    @Test
    void readsTheDigineticaSample() {
        ClickLog log = DelimitedReader.read(TestFiles.sharedData("diginetica-sample/sample_train-item-views.csv"),
                DIGINETICA);
        Set<Long> sessions = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            sessions.add(log.sessionId(i));
        }
        // 12,391 data rows: the shared README says 12,390 because the last row has no trailing newline
        assertEquals(12_391, log.size());
        assertEquals(2_986, sessions.size());
    }

    private static void assertMessage(DataException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
