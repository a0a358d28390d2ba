package org.sessionrnn.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Item-KNN: item-to-item cosine neighbours of the last click (GRU4Rec's baseline).
 *
 * @param neighbours neighbours kept per item (100)
 * @param lambda     similarity regularisation (20)
 * @param alpha      similarity normalisation exponent (0.5)
 */
public record ItemKnnSettings(int neighbours, double lambda, double alpha) implements ModelSettings {
    /** GRU4Rec's defaults. */
    public static final ItemKnnSettings DEFAULT = new ItemKnnSettings(100, 20, 0.5);

    @Override
    public Map<String, Object> specValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("neighbours", neighbours);
        values.put("knn_lambda", lambda);
        values.put("knn_alpha", alpha);
        return values;
    }

    static ItemKnnSettings read(Section s, ItemKnnSettings d) {
        return new ItemKnnSettings(s.integer("neighbours", d.neighbours(), Interval.upTo(1, Limits.MAX_TOP)),
                s.decimal("knn_lambda", d.lambda(), Interval.NON_NEGATIVE),
                s.decimal("knn_alpha", d.alpha(), Interval.UNIT_CLOSED));
    }
}
