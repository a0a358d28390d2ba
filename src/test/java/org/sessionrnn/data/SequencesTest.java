package org.sessionrnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.Fraction;

class SequencesTest {
    /** Sessions 100: items 0,1,2 at 10,40,50; 200: 3,4 at 20,30; 300: 5,6,7,8 at 15,40,60,70. */
    private static final SessionTable TABLE = new SessionTable(new long[] {100, 200, 300}, new int[] {0, 3, 5, 9},
            new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, new long[] {10, 40, 50, 20, 30, 15, 40, 60, 70});

    @Test
    void sessionOrderHasOnePrefixPerClickWithAPredecessor() {
        SequenceSet set = SequenceBuilder.inSessionOrder(TABLE);
        assertArrayEquals(new int[] {1, 2, 4, 6, 7, 8}, labelPositions(set));
        assertEquals(2, set.session(5));
        assertEquals(8, set.label(5));
    }

    @Test
    void labelTimeOrderBreaksTiesByPosition() {
        SequenceSet set = SequenceBuilder.inLabelTimeOrder(TABLE);
        assertArrayEquals(new int[] {4, 1, 6, 2, 7, 8}, labelPositions(set));
    }

    @Test
    void inputsAreTruncatedToTheLastMaxLenClicks() {
        SequenceSet set = SequenceBuilder.inSessionOrder(TABLE);
        int[] input = new int[5];
        assertEquals(2, set.copyInput(5, 2, input, 0));
        assertArrayEquals(new int[] {6, 7}, java.util.Arrays.copyOf(input, 2));
        assertEquals(3, set.copyInput(5, 19, input, 0));
        assertArrayEquals(new int[] {5, 6, 7}, java.util.Arrays.copyOf(input, 3));
    }

    @Test
    void recentFractionKeepsTheLatestCeilingShareInTimeOrder() {
        SequenceSet sorted = SequenceBuilder.inLabelTimeOrder(TABLE);
        assertArrayEquals(new int[] {7, 8}, labelPositions(SequenceSplitter.recentFraction(sorted, new Fraction(1, 4))));
        assertArrayEquals(new int[] {8}, labelPositions(SequenceSplitter.recentFraction(sorted, new Fraction(1, 256))));
        assertEquals(6, SequenceSplitter.recentFraction(sorted, Fraction.ONE).size());
    }

    @Test
    void validationHoldsOutWholeSessionsDeterministically() {
        SequenceSet sorted = SequenceBuilder.inLabelTimeOrder(manySessions(400));
        TrainValidation split = SequenceSplitter.validationSplit(sorted, 0.1, 7);
        Set<Integer> trainSessions = sessions(split.train());
        Set<Integer> validationSessions = sessions(split.validation());
        validationSessions.forEach(s -> assertTrue(!trainSessions.contains(s), "session " + s + " on both sides"));
        assertEquals(sorted.size(), split.train().size() + split.validation().size());
        assertTrue(validationSessions.size() > 20 && validationSessions.size() < 60, "~10% of 400 sessions");
        assertTimeOrdered(split.train());
        assertTimeOrdered(split.validation());
        TrainValidation again = SequenceSplitter.validationSplit(sorted, 0.1, 7);
        assertArrayEquals(labelPositions(split.validation()), labelPositions(again.validation()));
        TrainValidation otherSeed = SequenceSplitter.validationSplit(sorted, 0.1, 8);
        assertNotEquals(validationSessions, sessions(otherSeed.validation()));
    }

    @Test
    void recentHoldoutTakesTheLatestSessionsWholeWhateverTheSeed() {
        SequenceSet sorted = SequenceBuilder.inLabelTimeOrder(TABLE);
        TrainValidation split = SequenceSplitter.validationSplit(sorted, 0.2, 1, Holdout.RECENT_SESSIONS);
        assertArrayEquals(new int[] {6, 7, 8}, labelPositions(split.validation()), "session 300 reaches the tail");
        assertArrayEquals(new int[] {4, 1, 2}, labelPositions(split.train()));
        TrainValidation otherSeed = SequenceSplitter.validationSplit(sorted, 0.2, 2, Holdout.RECENT_SESSIONS);
        assertArrayEquals(labelPositions(split.validation()), labelPositions(otherSeed.validation()));
        TrainValidation half = SequenceSplitter.recentSplit(sorted, 0.5);
        assertArrayEquals(new int[] {1, 6, 2, 7, 8}, labelPositions(half.validation()),
                "session 100's earlier prefix goes with its later one");
        assertArrayEquals(new int[] {4}, labelPositions(half.train()));
    }

    @Test
    void tinySetsStillGetOneValidationSession() {
        SequenceSet sorted = SequenceBuilder.inLabelTimeOrder(TABLE);
        TrainValidation split = SequenceSplitter.validationSplit(sorted, 0.01, 1);
        assertEquals(1, sessions(split.validation()).size());
        assertEquals(2, sessions(split.train()).size());
        assertEquals(0, SequenceSplitter.validationSplit(sorted, 0, 1).validation().size());
    }

    /** {@code n} sessions of three clicks, interleaved in time. */
    private static SessionTable manySessions(int n) {
        long[] ids = new long[n];
        int[] offsets = new int[n + 1];
        int[] items = new int[3 * n];
        long[] times = new long[3 * n];
        for (int s = 0; s < n; s++) {
            ids[s] = 1000 + s;
            offsets[s + 1] = 3 * (s + 1);
            for (int j = 0; j < 3; j++) {
                items[3 * s + j] = (s + j) % 17;
                times[3 * s + j] = s * 7L + j * 1000L;
            }
        }
        return new SessionTable(ids, offsets, items, times);
    }

    private static int[] labelPositions(SequenceSet set) {
        int[] positions = new int[set.size()];
        java.util.Arrays.setAll(positions, set::labelPos);
        return positions;
    }

    private static Set<Integer> sessions(SequenceSet set) {
        Set<Integer> sessions = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            sessions.add(set.session(i));
        }
        return sessions;
    }

    private static void assertTimeOrdered(SequenceSet set) {
        for (int i = 1; i < set.size(); i++) {
            assertTrue(set.labelTimeMs(i - 1) <= set.labelTimeMs(i), "time order broken at " + i);
        }
    }
}
