package org.sessionrnn.spec;

import java.util.List;
import java.util.Map;

/**
 * A GRU with a softmax over all items (M1, M2, m1plus) and its options beyond the paper's M1. A kind that does not
 * read an option's key keeps its "off" value here.
 *
 * @param training      how it is trained
 * @param outputDropout dropout rate on the GRU's final state during training (0 = off)
 * @param clipNorm      clip the gradients' global L2 norm at this (0 = off)
 * @param tiedEmbedding the input item embedding is the output layer's weights
 * @param optimizer     {@code adam} or {@code adagrad} ({@link #OPTIMIZERS})
 * @param momentum      Adagrad's momentum (0)
 */
public record SoftmaxSettings(GruTraining training, double outputDropout, double clipNorm, boolean tiedEmbedding,
                              String optimizer, double momentum) implements GruSettings {
    /** The update rules an {@code optimizer} key may name. */
    public static final List<String> OPTIMIZERS = List.of("adam", "adagrad");

    /** The paper's M1: no output dropout, no clipping, a separate input embedding, Adam. */
    public static final SoftmaxSettings DEFAULT = of(GruTraining.DEFAULT);

    /** The paper's M1 options with {@code training}. */
    public static SoftmaxSettings of(GruTraining training) {
        return new SoftmaxSettings(training, 0, 0, false, "adam", 0);
    }

    /** These settings with the input embedding tied to the output layer and {@code outputDropout}. */
    public SoftmaxSettings tied(double outputDropout) {
        return new SoftmaxSettings(training, outputDropout, clipNorm, true, optimizer, momentum);
    }

    @Override
    public Map<String, Object> ownValues() {
        return SpecValues.of("output_dropout", outputDropout, "clip_norm", clipNorm, "tied_embedding", tiedEmbedding,
                "optimizer", optimizer, "momentum", momentum);
    }

    static SoftmaxSettings read(Section s, SoftmaxSettings d) {
        return new SoftmaxSettings(GruTraining.read(s, d.training()),
                s.decimal("output_dropout", d.outputDropout(), Interval.UNIT_RIGHT_OPEN),
                s.decimal("clip_norm", d.clipNorm(), Interval.NON_NEGATIVE),
                s.bool("tied_embedding", d.tiedEmbedding()),
                s.choice("optimizer", d.optimizer(), OPTIMIZERS, "optimizer"),
                s.decimal("momentum", d.momentum(), Interval.UNIT_RIGHT_OPEN));
    }
}
