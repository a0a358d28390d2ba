package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The packed layout worked out by hand. */
class PackedSequencesTest {
    private static final int PAD = 99;

    @Test
    void sortsRowsLongestFirstAndStoresOnlyRealClicksStepByStep() {
        // steps 3; rows: A = [1 2] (length 2), B = [] (0), C = [3 4 5] (3), D = [6 7] (2), right-aligned
        int[] inputs = {
            PAD, 1, 2,
            PAD, PAD, PAD,
            3, 4, 5,
            PAD, 6, 7,
        };
        PackedSequences p = new PackedSequences(3);
        p.pack(inputs, new int[]{2, 0, 3, 2}, 4);
        // sorted order C, A, D, B (ties keep row order); step 0: C; step 1: C A D; step 2: C A D
        assertEquals(7, p.total());
        assertArrayEquals(new int[]{3, 4, 1, 6, 5, 2, 7}, Arrays.copyOf(p.clicks(), 7));
        assertArrayEquals(new int[]{1, 3, 3}, p.stepRows());
        // rows appended before each step (1 at step 0, 2 at step 1, 0 at step 2), then B without clicks
        assertArrayEquals(new int[]{0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}, p.paddings());
        // positions of A, B, C, D in the sorted order
        assertArrayEquals(new int[]{1, 3, 0, 2}, Arrays.copyOf(p.restore(), 4));
    }

    @Test
    void aBatchWithoutClicksPacksToNothing() {
        PackedSequences p = new PackedSequences(2);
        p.pack(new int[]{PAD, PAD, PAD, PAD}, new int[]{0, 0}, 2);
        assertEquals(0, p.total());
        assertArrayEquals(new int[]{0, 0}, p.stepRows());
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0}, p.paddings());
    }

    @Test
    void growsForLargerBatchesAndRejectsImpossibleLengths() {
        PackedSequences p = new PackedSequences(1);
        p.pack(new int[]{5}, new int[]{1}, 1);
        p.pack(new int[]{5, 6, PAD}, new int[]{1, 1, 0}, 3);
        assertArrayEquals(new int[]{5, 6}, Arrays.copyOf(p.clicks(), p.total()));
        assertThrows(IllegalArgumentException.class, () -> p.pack(new int[]{5}, new int[]{2}, 1));
    }
}
