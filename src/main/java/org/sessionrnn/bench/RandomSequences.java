package org.sessionrnn.bench;

import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

/**
 * Prefix sequences of realistic lengths without a data file: sessions of 2 + geometric(1/2) clicks with a 7%
 * log-normal tail (as in the synthetic generator, mean about 4), items drawn with a popularity skew. Speed
 * depends on the lengths (padding costs as much as clicks) and on the catalogue, not on what the items are.
 */
final class RandomSequences {
    private RandomSequences() {
    }

    /** At least {@code count} prefix sequences over {@code items} items. */
    static SequenceSet generate(int count, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int sessions = count / 2 + 1;
        int[] offsets = new int[sessions + 1];
        for (int s = 0; s < sessions; s++) {
            offsets[s + 1] = offsets[s] + sessionLength(random);
        }
        int clicks = offsets[sessions];
        int[] clicked = new int[clicks];
        long[] times = new long[clicks];
        for (int p = 0; p < clicks; p++) {
            double u = random.nextDouble();
            clicked[p] = (int) (u * u * items); // squared uniform: popular items at low indices
            times[p] = p * 1000L;
        }
        long[] ids = new long[sessions];
        for (int s = 0; s < sessions; s++) {
            ids[s] = s + 1;
        }
        SequenceSet all = SequenceBuilder.inSessionOrder(new SessionTable(ids, offsets, clicked, times));
        return all.size() > count ? all.range(0, count) : all;
    }

    private static int sessionLength(SplittableRandom random) {
        if (random.nextDouble() < 0.07) {
            return (int) Math.min(200, 2 + Math.exp(2.2 + 0.7 * random.nextGaussian()));
        }
        int length = 2;
        while (length < 200 && random.nextBoolean()) {
            length++;
        }
        return length;
    }
}
