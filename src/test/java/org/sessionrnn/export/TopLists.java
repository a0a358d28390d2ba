package org.sessionrnn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares top-k lists computed by two TensorFlow paths (another graph, another row of a batch, another padding):
 * their scores agree to float rounding, not bit for bit, because each path may sum in its own order. So scores
 * are compared within a relative tolerance, and two lists may order items differently only where their scores
 * are that close (a near-tie, or the item at the cut-off).
 */
public final class TopLists {
    /**
     * Relative tolerance on scores: float32 logits summed over a GRU layer and an output layer in another order
     * differ in their last bits only, far below this.
     */
    public static final float TOLERANCE = 1e-5f;

    private TopLists() {
    }

    /** Lists {@code expected} and {@code actual} (items, scores best first) agree up to near-ties. */
    public static void assertClose(long[] expectedItems, float[] expectedScores, long[] actualItems,
                                   float[] actualScores, String what) {
        assertEquals(expectedItems.length, actualItems.length, what + ": length");
        for (int j = 0; j < expectedScores.length; j++) {
            assertTrue(close(expectedScores[j], actualScores[j]), what + ": score " + j + " is " + actualScores[j]
                    + ", expected " + expectedScores[j]);
        }
        assertSameUpToTies(expectedItems, actualItems, actualScores, what);
    }

    /**
     * Items {@code expected} and {@code actual} (best first) agree where {@code actualScores}, the scores of
     * {@code actual}, are not near-tied: an item may move only among items whose scores are within the tolerance,
     * and leave or enter the list only with a score within it of the last one.
     */
    public static void assertSameUpToTies(long[] expected, long[] actual, float[] actualScores, String what) {
        int n = actual.length;
        assertEquals(expected.length, n, what + ": length");
        for (int j = 0; j < n; j++) {
            if (expected[j] == actual[j]) {
                continue;
            }
            int k = indexOf(actual, expected[j]);
            float other = k >= 0 ? actualScores[k] : actualScores[n - 1];
            assertTrue(close(actualScores[j], other), what + ": position " + j + " holds " + actual[j] + " (score "
                    + actualScores[j] + "), expected " + expected[j] + (k >= 0 ? " (score " + other + ")"
                    : ", which is not in the list (last score " + other + ")"));
        }
    }

    /** As {@link #assertSameUpToTies(long[], long[], float[], String)} for item indices. */
    public static void assertSameUpToTies(int[] expected, int[] actual, float[] actualScores, String what) {
        assertSameUpToTies(java.util.Arrays.stream(expected).asLongStream().toArray(),
                java.util.Arrays.stream(actual).asLongStream().toArray(), actualScores, what);
    }

    /** Whether {@code a} and {@code b} are equal to the tolerance, relative to the larger (at least 1). */
    public static boolean close(float a, float b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1f, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static int indexOf(long[] items, long item) {
        for (int i = 0; i < items.length; i++) {
            if (items[i] == item) {
                return i;
            }
        }
        return -1;
    }
}
