package org.sessionrnn.data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sessionrnn.spec.PreprocessSpec;
import org.sessionrnn.spec.SyntheticSpec;

/**
 * Bounded-memory benchmark, not a test (surefire ignores the name): generates a raw YOOCHOOSE-format file of
 * about 33M synthetic clicks (RSC15's size, ~1.3 GB), reads and preprocesses it as the runner does, prints the
 * peak heap and the times, and deletes the file. Run with a 4 GB heap:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.sessionrnn.data.PreprocessMemoryBench /tmp 33000000
 * </pre>
 */
public final class PreprocessMemoryBench {
    private PreprocessMemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        long clicks = args.length > 1 ? Long.parseLong(args[1]) : 33_000_000L;
        Path file = Files.createTempFile(dir, "bench-clicks-", ".dat");
        try {
            long start = System.nanoTime();
            new SyntheticClickGenerator(new SyntheticSpec(clicks, 37_483, 600, 183, 0.1, 0.3, 7)).write(file);
            System.out.printf("generated %,d bytes in %.1fs%n", Files.size(file), seconds(start));
            resetPeaks();
            start = System.nanoTime();
            ClickLog log = YoochooseReader.read(file);
            System.out.printf("read %,d clicks in %.1fs, peak heap %s%n", log.size(), seconds(start), mb(peakHeap()));
            long preprocessStart = System.nanoTime();
            Dataset d = new Rsc15Preprocessor(PreprocessSpec.RSC15, PreprocessListener.NONE)
                    .preprocess(log, file.getFileName().toString(), "bench");
            System.out.printf("preprocessed in %.1fs: %,d items; total %.1fs; peak heap %s of max %s%n",
                    seconds(preprocessStart), d.items().size(), seconds(start), mb(peakHeap()),
                    mb(Runtime.getRuntime().maxMemory()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the true peak, as pools peak at different times. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String mb(long bytes) {
        return String.format("%,d MB", bytes / (1 << 20));
    }
}
