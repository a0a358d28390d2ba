package org.sessionrnn.data;

import org.sessionrnn.io.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.spec.SyntheticSpec;

class SyntheticClickGeneratorTest {
    private static final SyntheticSpec SMALL = new SyntheticSpec(200_000, 3_000, 60, 10, 0.05, 0.5, 42);

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        String a = generate(new SyntheticSpec(20_000, 500, 10, 5, 0.05, 0.5, 1));
        String b = generate(new SyntheticSpec(20_000, 500, 10, 5, 0.05, 0.5, 1));
        String c = generate(new SyntheticSpec(20_000, 500, 10, 5, 0.05, 0.5, 2));
        assertEquals(Sha256.ofText(a, 16), Sha256.ofText(b, 16));
        assertNotEquals(Sha256.ofText(a, 16), Sha256.ofText(c, 16));
        assertTrue(a.startsWith("1,2014-04-01T00:00:"), a.substring(0, 40));
    }

    @Test
    void outputLooksLikeRsc15AfterPreprocessing() {
        Path file = new SyntheticDataCache(dir).materialise(SMALL);
        ClickLog raw = YoochooseReader.read(file);
        assertTrue(raw.size() >= SMALL.clicks() && raw.size() < SMALL.clicks() + 200, "clicks " + raw.size());
        Dataset d = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.printingTo(System.out))
                .preprocess(raw, "synthetic", "h");
        double meanLength = (double) d.train().clicks() / d.train().sessions();
        assertTrue(meanLength > 3 && meanLength < 5, "mean session length " + meanLength);
        assertTrue(d.test().sessions() > 0.05 * d.train().sessions() / (SMALL.days() - 1), "a test day");
        assertTrue(topShare(d.train(), d.items().size(), 0.01) > 0.15, "top 1% of items carry a large share");
    }

    @Test
    void cacheReusesTheFileOfTheSameSpec() throws IOException {
        SyntheticDataCache cache = new SyntheticDataCache(dir);
        SyntheticSpec spec = new SyntheticSpec(5_000, 200, 5, 3, 0.1, 0.2, 9);
        Path first = cache.materialise(spec);
        Files.writeString(first, "marker\n");
        assertEquals(first, cache.materialise(spec));
        assertEquals("marker\n", Files.readString(first));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(DataException.class,
                () -> new SyntheticClickGenerator(new SyntheticSpec(100, 10, 20, 3, 0.1, 0.1, 1)));
    }

    @Test
    void measuresThroughput() throws IOException {
        SyntheticSpec spec = new SyntheticSpec(1_000_000, 20_000, 200, 30, 0.05, 0.5, 3);
        long start = System.nanoTime();
        long clicks = new SyntheticClickGenerator(spec).write(Writer.nullWriter());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("synthetic generator: %,d clicks in %.2f s = %,.0f clicks/s%n", clicks, seconds,
                clicks / seconds);
        assertTrue(clicks >= spec.clicks());
    }

    private static String generate(SyntheticSpec spec) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticClickGenerator(spec).write(out);
        return out.toString();
    }

    /** Share of clicks on the most clicked {@code fraction} of items. */
    private static double topShare(SessionTable table, int items, double fraction) {
        long[] counts = new long[items];
        for (int p = 0; p < table.clicks(); p++) {
            counts[table.item(p)]++;
        }
        Arrays.sort(counts);
        int top = Math.max(1, (int) (items * fraction));
        long sum = 0;
        for (int i = items - top; i < items; i++) {
            sum += counts[i];
        }
        return (double) sum / table.clicks();
    }
}
