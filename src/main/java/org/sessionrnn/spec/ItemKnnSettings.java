package org.sessionrnn.spec;

import org.sessionrnn.io.Limits;

/**
 * Item-KNN: item-to-item cosine neighbours of the last click (GRU4Rec's baseline). Each component is the key of
 * the same position in {@link #KEYS}.
 *
 * @param neighbours {@link #NEIGHBOURS}
 * @param lambda     {@link #KNN_LAMBDA}
 * @param alpha      {@link #KNN_ALPHA}
 */
public record ItemKnnSettings(int neighbours, double lambda, double alpha) implements ModelSettings {
    public static final Key<Integer> NEIGHBOURS = Key.integer("neighbours", 100, Interval.upTo(1, Limits.MAX_TOP),
            "neighbours kept per item").inTextSince01(100);
    public static final Key<Double> KNN_LAMBDA = Key.decimal("knn_lambda", 20, Interval.NON_NEGATIVE,
            "similarity regularisation").inTextSince01(20.0);
    public static final Key<Double> KNN_ALPHA = Key.decimal("knn_alpha", 0.5, Interval.UNIT_CLOSED,
            "similarity normalisation exponent").inTextSince01(0.5);

    /** The keys. */
    public static final KeyTable<ItemKnnSettings> KEYS = KeyTable.of(ItemKnnSettings.class, NEIGHBOURS, KNN_LAMBDA,
            KNN_ALPHA);

    /** GRU4Rec's defaults. */
    public static final ItemKnnSettings DEFAULT = KEYS.defaults();

    @Override
    public KeyTable<ItemKnnSettings> keyTable() {
        return KEYS;
    }
}
