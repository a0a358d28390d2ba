package org.sessionrnn.spec;

import java.util.Map;
import org.sessionrnn.io.Limits;

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
        return SpecValues.of("neighbours", neighbours, "knn_lambda", lambda, "knn_alpha", alpha);
    }

    static ItemKnnSettings read(Section s, ItemKnnSettings d) {
        return new ItemKnnSettings(s.integer("neighbours", d.neighbours(), Interval.upTo(1, Limits.MAX_TOP)),
                s.decimal("knn_lambda", d.lambda(), Interval.NON_NEGATIVE),
                s.decimal("knn_alpha", d.alpha(), Interval.UNIT_CLOSED));
    }
}
