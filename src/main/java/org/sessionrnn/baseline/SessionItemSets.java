package org.sessionrnn.baseline;

import java.util.Arrays;

/**
 * The co-occurrence structure Item-KNN counts over, on primitive arrays: each session's distinct items (CSR),
 * and the inverted index item -> (session, number of clicks of the item in that session).
 */
final class SessionItemSets {
    final int[] sessionOffsets;
    final int[] sessionItems;
    final int[] itemOffsets;
    final int[] itemSessions;
    final int[] itemClicks;

    private SessionItemSets(int[] sessionOffsets, int[] sessionItems, int[] multiplicity, int itemCount) {
        this.sessionOffsets = sessionOffsets;
        this.sessionItems = sessionItems;
        this.itemOffsets = new int[itemCount + 1];
        for (int item : sessionItems) {
            itemOffsets[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        this.itemSessions = new int[sessionItems.length];
        this.itemClicks = new int[sessionItems.length];
        int[] fill = Arrays.copyOf(itemOffsets, itemCount);
        for (int s = 0; s + 1 < sessionOffsets.length; s++) {
            for (int q = sessionOffsets[s]; q < sessionOffsets[s + 1]; q++) {
                int slot = fill[sessionItems[q]]++;
                itemSessions[slot] = s;
                itemClicks[slot] = multiplicity[q];
            }
        }
    }

    static SessionItemSets of(TrainingClicks clicks, int itemCount) {
        int[] offsets = new int[clicks.sessions() + 1];
        int[] items = new int[clicks.clicks()];
        int[] multiplicity = new int[clicks.clicks()];
        int[] buffer = new int[16];
        int n = 0;
        for (int s = 0; s < clicks.sessions(); s++) {
            int length = clicks.end(s) - clicks.start(s);
            if (buffer.length < length) {
                buffer = new int[Math.max(length, 2 * buffer.length)];
            }
            for (int k = 0; k < length; k++) {
                buffer[k] = clicks.item(clicks.start(s) + k);
            }
            Arrays.sort(buffer, 0, length);
            for (int k = 0; k < length; k++) {
                if (k == 0 || buffer[k] != buffer[k - 1]) {
                    items[n++] = buffer[k];
                }
                multiplicity[n - 1]++;
            }
            offsets[s + 1] = n;
        }
        return new SessionItemSets(offsets, Arrays.copyOf(items, n), multiplicity, itemCount);
    }
}
