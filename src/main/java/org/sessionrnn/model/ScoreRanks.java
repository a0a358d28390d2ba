package org.sessionrnn.model;

import java.util.stream.IntStream;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * The rank of each row's label among the row's scores under both tie modes, counted in Java from the scores
 * TensorFlow computed, with exactly the results of TensorFlow's {@code Greater} and {@code GreaterEqual} on
 * them. One pass reads each score once and counts both modes, where the graph needed two comparisons, each
 * writing a mask that further ops then cast and summed.
 *
 * <p>The pass compares the scores' bits as integers, which the JIT turns into vector instructions (float
 * comparisons it does not): a float's sign and magnitude become a two's-complement key whose order is the
 * floats' order, with {@code -0} and {@code +0} one key. TensorFlow's CPU kernels treat subnormal inputs as zero,
 * so the key does too. A row with a NaN among its scores is counted again with float comparisons, as
 * TensorFlow would (a NaN compares false). Rows are split over the common fork-join pool and the caller.
 */
final class ScoreRanks {
    /** The smallest normal magnitude's bits; smaller magnitudes count as zero. */
    private static final int MIN_NORMAL_BITS = 0x0080_0000;
    /** Infinity's magnitude bits; larger ones are NaN. */
    private static final int INFINITY_BITS = 0x7f80_0000;

    private final int items;
    /** One row buffer per part of a batch, so parts can run at once. */
    private final int[][] rows;

    /** Counts ranks among {@code items} scores per row. */
    ScoreRanks(int items) {
        this.items = items;
        this.rows = new int[Math.max(1, 2 * (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1))][];
    }

    /**
     * Ranks of {@code labels[r]} in row {@code r} of {@code scores} ({@code [count, items]}), for the first
     * {@code count} rows: {@code standard[r]} = 1 + the number of higher scores, {@code conservative[r]} = the
     * number of scores at least as high, the label's own included.
     */
    void rank(TFloat32 scores, int[] labels, int count, int[] standard, int[] conservative) {
        IntDataBuffer bits = scores.asRawTensor().data().asInts();
        int parts = Math.min(rows.length, count);
        IntStream.range(0, parts).parallel().forEach(p -> {
            int[] row = rowBuffer(p);
            for (int r = (int) ((long) p * count / parts), end = (int) ((long) (p + 1) * count / parts); r < end; r++) {
                bits.offset((long) r * items).read(row, 0, items);
                rankRow(row, labels[r], r, standard, conservative);
            }
        });
    }

    private int[] rowBuffer(int part) {
        if (rows[part] == null) {
            rows[part] = new int[items];
        }
        return rows[part];
    }

    private void rankRow(int[] row, int label, int r, int[] standard, int[] conservative) {
        int target = key(row[label]);
        int higher = 0;
        int lower = 0;
        int nans = 0;
        for (int i = 0; i < items; i++) {
            int bits = row[i];
            int magnitude = bits & 0x7fff_ffff;
            nans += (INFINITY_BITS - magnitude) >>> 31;
            magnitude &= -((MIN_NORMAL_BITS - 1 - magnitude) >>> 31);
            int sign = bits >> 31;
            int k = (magnitude ^ sign) - sign;
            higher += lessThan(target, k);
            lower += lessThan(k, target);
        }
        if (nans > 0) {
            rankWithNans(row, label, r, standard, conservative);
        } else {
            standard[r] = higher + 1;
            conservative[r] = items - lower;
        }
    }

    /** 1 when {@code a < b}, else 0, without overflow for any two ints, in int arithmetic the JIT vectorises. */
    private static int lessThan(int a, int b) {
        int d = a - b;
        return (d ^ ((a ^ b) & (d ^ a))) >>> 31;
    }

    /** The order-preserving integer key of a float's bits, subnormals and both zeros mapped to 0. */
    static int key(int bits) {
        int magnitude = bits & 0x7fff_ffff;
        if (magnitude < MIN_NORMAL_BITS) {
            return 0;
        }
        int sign = bits >> 31;
        return (magnitude ^ sign) - sign;
    }

    private void rankWithNans(int[] row, int label, int r, int[] standard, int[] conservative) {
        float target = flushed(row[label]);
        int higher = 0;
        int atLeast = 0;
        for (int i = 0; i < items; i++) {
            float s = flushed(row[i]);
            higher += s > target ? 1 : 0;
            atLeast += s >= target ? 1 : 0;
        }
        standard[r] = higher + 1;
        conservative[r] = atLeast;
    }

    private static float flushed(int bits) {
        return (bits & 0x7fff_ffff) < MIN_NORMAL_BITS ? 0f : Float.intBitsToFloat(bits);
    }
}
