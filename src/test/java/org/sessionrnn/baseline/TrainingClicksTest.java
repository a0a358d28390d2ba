package org.sessionrnn.baseline;

import org.junit.jupiter.api.Test;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingClicksTest {
    // session 0 = [0 1 2 3 4] (positions 0..4, longer than maxLength 2), session 1 = [5 6] (positions 5..6)
    private final SessionTable table = TinySessions.table(new int[]{0, 1, 2, 3, 4}, new int[]{5, 6});

    @Test
    void allPrefixesCoverWholeSessionsEvenWhenLongerThanMaxLength() {
        // label 1 has window {0}; labels 2..4 have windows {0,1},{1,2},{2,3}; union with labels = 0..4
        TrainingClicks clicks = TrainingClicks.of(TinySessions.allPrefixes(table), 2);
        assertEquals(2, clicks.sessions());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6}, items(clicks));
        assertEquals(5, clicks.end(0));
        assertArrayEquals(new int[]{1, 1, 1, 1, 1, 1, 1}, clicks.supports(7));
    }

    @Test
    void partialFractionKeepsOnlyCoveredWindowsAndLabels() {
        // only the last prefix of session 0 (label position 4, window {2,3}); session 1 absent
        SequenceSet fraction = new SequenceSet(table, new int[]{0}, new int[]{4});
        TrainingClicks clicks = TrainingClicks.of(fraction, 2);
        assertEquals(1, clicks.sessions());
        assertArrayEquals(new int[]{2, 3, 4}, items(clicks));
        assertArrayEquals(new int[]{0, 0, 1, 1, 1, 0, 0}, clicks.supports(7));
    }

    private static int[] items(TrainingClicks clicks) {
        int[] items = new int[clicks.clicks()];
        for (int p = 0; p < items.length; p++) {
            items[p] = clicks.item(p);
        }
        return items;
    }
}
