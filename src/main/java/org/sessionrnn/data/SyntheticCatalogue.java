package org.sessionrnn.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The item side of the synthetic world. Items are laid out cluster by cluster (cluster {@code c} owns a
 * contiguous index range) so that one cumulative popularity array serves both global and within-cluster
 * sampling. Each item has a Zipf-like base popularity (random rank), a bell-shaped life over the days whose
 * weight grows with {@code drift}, and two short lists of preferred successors inside its cluster, an early and
 * a late one, between which transitions drift over the days.
 */
final class SyntheticCatalogue {
    static final int SUCCESSORS = 4;
    /** How strongly each successor in a list is preferred, most preferred first. */
    private static final double[] SUCCESSOR_CUMULATIVE = {0.5, 0.75, 0.9, 1.0};
    private static final double ZIPF_EXPONENT = 1.0;

    private final int items;
    private final int clusters;
    private final double drift;
    private final double[] basePopularity;
    private final double[] peakDay;
    private final double[] lifeWidth;
    private final int[] earlySuccessors;
    private final int[] lateSuccessors;
    private final double[] cumulative;
    private int cumulativeDay = Integer.MIN_VALUE;

    SyntheticCatalogue(int items, int clusters, int days, double drift, SplittableRandom random) {
        this.items = items;
        this.clusters = clusters;
        this.drift = drift;
        this.basePopularity = zipfByRandomRank(items, random);
        this.peakDay = new double[items];
        this.lifeWidth = new double[items];
        for (int i = 0; i < items; i++) {
            peakDay[i] = random.nextDouble(-0.3 * days, 1.3 * days);
            lifeWidth[i] = random.nextDouble(1.0, Math.max(2.0, days / 3.0));
        }
        this.cumulative = new double[items];
        this.earlySuccessors = successors(random);
        this.lateSuccessors = successors(random);
    }

    private static double[] zipfByRandomRank(int items, SplittableRandom random) {
        int[] rank = new int[items];
        Arrays.setAll(rank, i -> i);
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double[] popularity = new double[items];
        Arrays.setAll(popularity, i -> Math.pow(rank[i] + 1.0, -ZIPF_EXPONENT));
        return popularity;
    }

    /** For every item, {@link #SUCCESSORS} items of its cluster drawn by base popularity. */
    private int[] successors(SplittableRandom random) {
        double[] baseCumulative = new double[items];
        double sum = 0;
        for (int i = 0; i < items; i++) {
            sum += basePopularity[i];
            baseCumulative[i] = sum;
        }
        int[] next = new int[items * SUCCESSORS];
        for (int i = 0; i < items; i++) {
            int c = clusterOf(i);
            for (int k = 0; k < SUCCESSORS; k++) {
                next[i * SUCCESSORS + k] = sample(baseCumulative, clusterStart(c), clusterStart(c + 1), random);
            }
        }
        return next;
    }

    int clusterOf(int item) {
        return (int) ((long) item * clusters / items);
    }

    private int clusterStart(int cluster) {
        return (int) (((long) cluster * items + clusters - 1) / clusters);
    }

    /** Switches the popularity to that of {@code day}: the base weight times the item's (drift-weighted) life. */
    void useDay(int day) {
        if (day == cumulativeDay) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < items; i++) {
            double z = (day - peakDay[i]) / lifeWidth[i];
            sum += basePopularity[i] * ((1 - drift) + drift * Math.exp(-0.5 * z * z));
            cumulative[i] = sum;
        }
        cumulativeDay = day;
    }

    /** A popular item of the current day, from the whole catalogue. */
    int popularItem(SplittableRandom random) {
        return sample(cumulative, 0, items, random);
    }

    /** A popular item of the current day from the given item's cluster. */
    int popularItemNear(int item, SplittableRandom random) {
        int c = clusterOf(item);
        return sample(cumulative, clusterStart(c), clusterStart(c + 1), random);
    }

    /** A preferred successor, from the late list with a probability growing over the days with the drift. */
    int successor(int item, double dayShare, SplittableRandom random) {
        int[] list = random.nextDouble() < drift * dayShare ? lateSuccessors : earlySuccessors;
        double u = random.nextDouble();
        int k = 0;
        while (u >= SUCCESSOR_CUMULATIVE[k]) {
            k++;
        }
        return list[item * SUCCESSORS + k];
    }

    /** Samples an index of {@code [from, to)} proportionally to its weight, given cumulative weights. */
    private static int sample(double[] cumulative, int from, int to, SplittableRandom random) {
        double low = from == 0 ? 0 : cumulative[from - 1];
        double target = low + random.nextDouble() * (cumulative[to - 1] - low);
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
