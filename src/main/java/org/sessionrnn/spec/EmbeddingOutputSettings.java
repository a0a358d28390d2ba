package org.sessionrnn.spec;

import java.util.Map;
import org.sessionrnn.io.Limits;

/**
 * M4: a GRU whose output lives in the item embedding space of a pre-trained M1.
 *
 * @param training      how it, and the pre-trained M1, are trained
 * @param hiddenSize    size of the fully connected layer between GRU and output (0: the GRU size)
 * @param outputDropout the pre-trained M1's output dropout (0 = off)
 */
public record EmbeddingOutputSettings(GruTraining training, int hiddenSize, double outputDropout)
        implements GruSettings {
    /** A hidden layer of the GRU's size and the paper's M1 as the pre-trained model. */
    public static final EmbeddingOutputSettings DEFAULT = new EmbeddingOutputSettings(GruTraining.DEFAULT, 0, 0);

    /** The settings of the pre-trained M1 whose item embeddings are the targets: the paper's M1 options. */
    public SoftmaxSettings pretrained() {
        return new SoftmaxSettings(training, outputDropout, 0, false, "adam", 0);
    }

    @Override
    public Map<String, Object> ownValues() {
        return SpecValues.of("hidden_size", hiddenSize, "output_dropout", outputDropout);
    }

    static EmbeddingOutputSettings read(Section s, EmbeddingOutputSettings d) {
        return new EmbeddingOutputSettings(GruTraining.read(s, d.training()),
                s.integer("hidden_size", d.hiddenSize(), Interval.upTo(0, Limits.MAX_LAYER)),
                s.decimal("output_dropout", d.outputDropout(), Interval.UNIT_RIGHT_OPEN));
    }
}
