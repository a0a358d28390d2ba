package org.sessionrnn.baseline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;

/**
 * Item-KNN build benchmark on synthetic sessions; not a test (surefire ignores the name). Session lengths are
 * 2 + geometric (mean about 3.9 clicks, as in RSC15, capped at 200), items skewed towards low indices
 * ({@code m * u^3}) so that popular items have long session lists. Run with e.g.
 * {@code java -Xmx4g -cp target/classes:target/test-classes org.sessionrnn.baseline.ItemKnnBench 5000000 37483 2}.
 */
public final class ItemKnnBench {
    private ItemKnnBench() {
    }

    public static void main(String[] args) {
        run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 2);
    }

    /** Builds Item-KNN (n 100, lambda 20, alpha .5) on about {@code clicks} synthetic clicks and prints stats. */
    public static void run(int clicks, int items, int threads) {
        TrainingClicks data = synthetic(clicks, items, 42);
        System.gc();
        long before = usedHeap();
        long start = System.nanoTime();
        ItemNeighbours nb = ItemKnnBuilder.build(data, items, 100, 20, 0.5, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        System.gc();
        long kept = 0;
        for (int i = 0; i < items; i++) {
            kept += nb.count(i);
        }
        System.out.printf("Item-KNN bench: %,d clicks, %,d sessions, %,d items, %d threads: build %.1f s;"
                        + " heap used before %d MB, after build (model + data) %d MB, peak %d MB; %,d neighbours%n",
                data.clicks(), data.sessions(), items, threads, seconds, before >> 20, usedHeap() >> 20, peak >> 20,
                kept);
    }

    static TrainingClicks synthetic(int clicks, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] itemArray = new int[clicks];
        int[] offsets = new int[clicks / 2 + 2];
        int sessions = 0;
        int n = 0;
        while (n < clicks) {
            int length = Math.min(clicks - n, 2 + geometric(random, 1 / 2.9, 198));
            for (int k = 0; k < length; k++) {
                double u = random.nextDouble();
                itemArray[n++] = (int) (items * u * u * u);
            }
            offsets[++sessions] = n;
        }
        return new TrainingClicks(java.util.Arrays.copyOf(offsets, sessions + 1), itemArray);
    }

    private static int geometric(SplittableRandom random, double p, int cap) {
        int k = (int) (Math.log(1 - random.nextDouble()) / Math.log(1 - p));
        return Math.min(k, cap);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
