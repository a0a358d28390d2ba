package org.sessionrnn.spec;

/**
 * Settings of the built-in synthetic click generator.
 *
 * @param clicks   approximate number of clicks to generate
 * @param items    catalogue size before filtering
 * @param clusters number of item clusters sessions walk in
 * @param days     number of days covered (the last one becomes the test day)
 * @param noise    probability that a click is an accidental click outside the session's cluster
 * @param drift    strength of the day-to-day change in item popularity and transitions, in [0, 1]
 * @param seed     generator seed (independent of the training seeds)
 */
public record SyntheticSpec(long clicks, int items, int clusters, int days, double noise, double drift, long seed) {
    /** The spec defaults: 400,000 clicks on 3,000 items in 60 clusters over 30 days, noise 0.1, drift 0.3. */
    public static final SyntheticSpec DEFAULT = new SyntheticSpec(400_000, 3_000, 60, 30, 0.1, 0.3, 7);
}
