package org.sessionrnn.spec;

import org.sessionrnn.io.Limits;

/**
 * M3: a GRU student that also learns from a teacher's soft labels (generalised distillation). Each component is
 * the key of the same position in {@link #KEYS}.
 *
 * @param training      how the student (and its teacher) are trained ({@link GruTraining#KEYS})
 * @param lambda        {@link #LAMBDA}
 * @param temperature   {@link #TEMPERATURE}
 * @param softLabelTopK {@link #SOFT_LABEL_TOP_K}
 */
public record DistillationSettings(GruTraining training, double lambda, double temperature, int softLabelTopK)
        implements GruSettings {
    public static final Key<Double> LAMBDA = Key.decimal("lambda", 0.2, Interval.UNIT_CLOSED,
            "weight of the teacher's soft labels").inTextSince01(0.2);
    public static final Key<Double> TEMPERATURE = Key.decimal("temperature", 1, Interval.POSITIVE,
            "softmax temperature of the soft labels").inTextSince01(1.0);
    public static final Key<Integer> SOFT_LABEL_TOP_K = Key.integer("soft_label_top_k", 0,
            Interval.upTo(0, Limits.MAX_TOP), "at most the number of items; 0 = dense soft labels, else the "
                    + "teacher's top-k probabilities are kept").inTextSince01(0);

    /** The keys, the training keys first. */
    public static final KeyTable<DistillationSettings> KEYS = KeyTable.of(DistillationSettings.class,
            GruTraining.KEYS, LAMBDA, TEMPERATURE, SOFT_LABEL_TOP_K);

    /** The paper's defaults: lambda 0.2, temperature 1, dense soft labels. */
    public static final DistillationSettings DEFAULT = KEYS.defaults();

    @Override
    public KeyTable<DistillationSettings> keyTable() {
        return KEYS;
    }
}
