package org.sessionrnn.spec;

import java.util.Map;
import org.sessionrnn.io.Limits;

/**
 * M3: a GRU student that also learns from a teacher's soft labels (generalised distillation).
 *
 * @param training      how the student (and its teacher) are trained
 * @param lambda        weight of the teacher's soft labels (0.2)
 * @param temperature   softmax temperature of the soft labels (1)
 * @param softLabelTopK 0 for dense soft labels, else keep the teacher's top-k probabilities
 */
public record DistillationSettings(GruTraining training, double lambda, double temperature, int softLabelTopK)
        implements GruSettings {
    /** The paper's defaults: lambda 0.2, temperature 1, dense soft labels. */
    public static final DistillationSettings DEFAULT = new DistillationSettings(GruTraining.DEFAULT, 0.2, 1, 0);

    @Override
    public Map<String, Object> ownValues() {
        return SpecValues.of("lambda", lambda, "temperature", temperature, "soft_label_top_k", softLabelTopK);
    }

    static DistillationSettings read(Section s, DistillationSettings d) {
        return new DistillationSettings(GruTraining.read(s, d.training()),
                s.decimal("lambda", d.lambda(), Interval.UNIT_CLOSED),
                s.decimal("temperature", d.temperature(), Interval.POSITIVE),
                s.integer("soft_label_top_k", d.softLabelTopK(), Interval.upTo(0, Limits.MAX_TOP)));
    }
}
