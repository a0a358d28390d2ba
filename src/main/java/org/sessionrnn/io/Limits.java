package org.sessionrnn.io;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Upper limits of the sizes a spec or a flag may ask for, and a lower bound of the memory a GRU model needs, so
 * that a size that cannot work is refused before any work starts, naming the key to lower, instead of ending in
 * an allocator dump, an {@link OutOfMemoryError} or an overflow minutes later. The paper's largest model (GRU
 * 1000, batch 512, 19 steps) is far inside every one.
 *
 * <p>The memory bound holds for every GRU model kind, so it needs no knowledge of the kinds: each has an item
 * layer of at least items x min(embedding, GRU size) weights and a GRU of at least 3 x GRU size^2, all kept
 * three times while training (weights, gradients, the optimiser's state); scoring one batch needs batch x items
 * scores, and the unrolled GRU keeps four GRU-size vectors per step and sequence for the backward pass. All in
 * 4-byte floats, against the machine's physical memory (as the JVM sees it, container limits included). The
 * TensorFlow runtime, the data and the evaluation need more, so a refusal is certain not to fit.
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
    /** Largest single tensor, in elements: Java arrays, and TF Java's copies into them, are int-indexed. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;
    private static final long FLOAT = 4;

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

    /** The machine's physical memory in bytes as the JVM sees it (container limits included). */
    public static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /**
     * How the sizes are named in advice: spec keys such as {@code variants[0].gru_sizes}, or command-line flags
     * such as {@code --gru}.
     */
    public record Keys(String gru, String embedding, String batch, String steps) {
    }

    /**
     * Why a GRU model of these sizes cannot fit, naming what to lower, or empty when it may fit.
     *
     * @param items     catalogue size (a lower bound when it is not known yet)
     * @param embedding item embedding size
     * @param gru       GRU size
     * @param batch     batch size
     * @param steps     unrolled steps ({@code protocol.max_length})
     * @param keys      how to name each size in the advice
     */
    public static Optional<String> memoryProblem(long items, long embedding, long gru, long batch, long steps,
                                                 Keys keys) {
        String sizes = String.format(Locale.ROOT, "%,d items, GRU %d, embedding %d, batch %d, %d steps", items, gru,
                embedding, batch, steps);
        if (items * Math.max(embedding, gru) > MAX_ELEMENTS) {
            return Optional.of(sizes + ": an item layer of items x " + (gru >= embedding ? "GRU size" : "embedding")
                    + " has more than 2^31 weights; lower " + (gru >= embedding ? keys.gru() : keys.embedding()));
        }
        if (items * batch > MAX_ELEMENTS) {
            return Optional.of(sizes + ": the scores of one batch (batch x items) are more than 2^31 values; lower "
                    + keys.batch());
        }
        List<Term> terms = List.of(
                new Term("item layer", 3 * FLOAT * items * Math.min(embedding, gru),
                        gru <= embedding ? keys.gru() : keys.embedding()),
                new Term("GRU weights", 3 * FLOAT * 3 * gru * gru, keys.gru()),
                new Term("scores of one batch", FLOAT * batch * items, keys.batch()),
                new Term("unrolled GRU of one batch", FLOAT * 4 * batch * steps * gru,
                        keys.batch() + " or " + keys.steps()));
        long total = terms.stream().mapToLong(Term::bytes).sum();
        if (total <= machineBytes()) {
            return Optional.empty();
        }
        Term largest = terms.stream().max(Comparator.comparingLong(Term::bytes)).orElseThrow();
        return Optional.of(sizes + " needs at least " + bytes(total) + " of memory, more than this machine's "
                + bytes(machineBytes()) + " (largest part: " + largest.what() + ", " + bytes(largest.bytes())
                + "); lower " + largest.advice());
    }

    /** Bytes as "3.2 GB" or "512 MB". */
    public static String bytes(long bytes) {
        double gb = bytes / 1e9;
        return gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb)
                : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes / 1_000_000));
    }

    private record Term(String what, long bytes, String advice) {
    }
}
