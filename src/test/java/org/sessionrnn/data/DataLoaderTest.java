package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.spec.CsvSpec;
import org.sessionrnn.spec.DataSpec;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.spec.SyntheticSpec;

class DataLoaderTest {
    private static final PreprocessSpec LENIENT = new PreprocessSpec(2, 1, 1.0);

    @TempDir
    Path cache;

    private DataLoader loader() {
        return new DataLoader(cache, PreprocessListener.NONE);
    }

    @Test
    void loadsARawYoochooseFileWithNameAndHash() {
        Path file = TestFiles.fixture("two_days.dat");
        Dataset d = loader().load(new DataSpec("yoochoose", file, null, null, null, null, LENIENT));
        assertEquals("two_days.dat", d.name());
        assertEquals(16, d.dataHash().length());
        assertEquals(DataLoader.contentHash(file), d.dataHash());
        assertEquals(2, d.train().sessions());
        assertEquals(3, d.items().size());
        assertEquals(1, d.test().sessions());
        assertEquals(2, d.test().clicks(), "item 99 is unknown in training");
    }

    @Test
    void loadsACsvFile() {
        CsvSpec csv = new CsvSpec(",", false, "0", "2", "1", "iso", null);
        Dataset d = loader().load(new DataSpec("csv", TestFiles.fixture("two_days.dat"), null, null, null, csv,
                LENIENT));
        assertEquals(2, d.train().sessions());
    }

    @Test
    void loadsAGru4recPairHashingBoth() {
        Path train = TestFiles.fixture("tiny.tsv");
        Dataset d = loader().load(new DataSpec("gru4rec", null, train, train, null, null, null));
        assertEquals("tiny.tsv+tiny.tsv", d.name());
        assertEquals(DataLoader.contentHash(train, train), d.dataHash());
        assertEquals(1, d.test().sessions(), "session 6 has one click");
    }

    @Test
    void generatesSyntheticDataOnce() {
        SyntheticSpec spec = new SyntheticSpec(30_000, 500, 10, 4, 0.05, 0.5, 5);
        DataSpec data = new DataSpec("synthetic", null, null, null, spec, null, null);
        Dataset first = loader().load(data);
        Dataset second = loader().load(data);
        assertEquals(SyntheticDataCache.key(spec), first.dataHash());
        assertEquals(first.train().clicks(), second.train().clicks());
        assertTrue(first.name().startsWith("synthetic("), first.name());
        assertTrue(first.test().sessions() > 0);
    }

    @Test
    void rsc15SampleThroughTheLoader() {
        Path file = TestFiles.sharedData("rsc15-100k/yoochoose-clicks-100k.dat");
        Dataset d = loader().load(new DataSpec("yoochoose", file, null, null, null, null, PreprocessSpec.RSC15));
        assertEquals(10_102, d.test().prefixCount());
    }

    @Test
    void missingPathsAndUnknownSourcesAreClear() {
        DataException missing = assertThrows(DataException.class, () -> loader().load(
                new DataSpec("yoochoose", Path.of("nowhere.dat"), null, null, null, null, null)));
        assertTrue(missing.getMessage().contains("nowhere.dat") && missing.getMessage().contains("not found"),
                missing.getMessage());
        DataException noPath = assertThrows(DataException.class,
                () -> loader().load(new DataSpec("csv", null, null, null, null, null, null)));
        assertTrue(noPath.getMessage().contains("'path'"), noPath.getMessage());
        DataException unknown = assertThrows(DataException.class,
                () -> loader().load(new DataSpec("parquet", null, null, null, null, null, null)));
        assertTrue(unknown.getMessage().contains("unknown data source 'parquet'"), unknown.getMessage());
    }
}
