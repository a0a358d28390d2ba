package org.sessionrnn.spec;

/**
 * Upper limits of the sizes a spec or a flag may ask for, so that a size that cannot work is refused before any
 * work starts, naming the key, instead of ending in an allocator dump, an {@link OutOfMemoryError} or an
 * overflow minutes later. The paper's largest model (GRU 1000, batch 512, 19 steps) is far inside every one.
 */
public final class Limits {
    /** Largest GRU size, embedding size and M4 hidden size. */
    public static final int MAX_LAYER = 16_384;
    /** Largest mini-batch. */
    public static final int MAX_BATCH = 65_536;
    /** Largest {@code protocol.max_length}: the GRU is unrolled over this many steps in the graph. */
    public static final int MAX_STEPS = 1_000;
    /** Largest {@code protocol.cutoff}, {@code soft_label_top_k} and {@code neighbours}. */
    public static final int MAX_TOP = 100_000;
    /** Largest synthetic catalogue. */
    public static final int MAX_ITEMS = 10_000_000;
    /** Largest number of runs in one grid. */
    public static final int MAX_RUNS = 10_000;
    /** Java heap per raw click while reading and preprocessing (a lower bound of what is measured). */
    public static final long HEAP_BYTES_PER_CLICK = 48;

    private Limits() {
    }

    /** The JVM's maximum heap in bytes ({@code -Xmx}). */
    public static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The most raw clicks whose preprocessing can fit in the maximum heap. */
    public static long maxClicks() {
        return heapBytes() / HEAP_BYTES_PER_CLICK;
    }
}
