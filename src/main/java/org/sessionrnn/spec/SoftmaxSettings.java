package org.sessionrnn.spec;

/**
 * A GRU with a softmax over all items (M1, M2, m1plus) and its options beyond the paper's M1. A kind that does not
 * read an option's key keeps its "off" value here. Each component is the key of the same position in
 * {@link #KEYS}.
 *
 * @param training      how it is trained ({@link GruTraining#KEYS})
 * @param outputDropout {@link #OUTPUT_DROPOUT}
 * @param clipNorm      {@link #CLIP_NORM}
 * @param tiedEmbedding {@link #TIED_EMBEDDING}
 * @param optimizer     {@link #OPTIMIZER}
 * @param momentum      {@link #MOMENTUM}
 * @param sampledNegatives {@link #SAMPLED_NEGATIVES}
 * @param repeatWindow  {@link #REPEAT_WINDOW}
 */
public record SoftmaxSettings(GruTraining training, double outputDropout, double clipNorm, boolean tiedEmbedding,
                              Optimizer optimizer, double momentum, int sampledNegatives,
                              int repeatWindow)
        implements GruSettings {
    public static final Key<Double> OUTPUT_DROPOUT = Key.decimal("output_dropout", 0, Interval.UNIT_RIGHT_OPEN,
            "dropout on the GRU's final state during training (m2: in pre-training and fine-tuning; m4: in its "
                    + "pre-trained M1)");
    public static final Key<Double> CLIP_NORM = Key.decimal("clip_norm", 0, Interval.NON_NEGATIVE,
            "gradients scaled so that their global L2 norm is at most this; 0 = off");
    public static final Key<Boolean> TIED_EMBEDDING = Key.flag("tied_embedding", false,
            "the input item embedding is the output layer's weight matrix");
    public static final Key<Optimizer> OPTIMIZER = Key.choice("optimizer", Optimizer.ADAM,
            "the update rule (`adagrad`: with `momentum`); a kind that does not read the key trains with Adam");
    public static final Key<Double> MOMENTUM = Key.decimal("momentum", 0, Interval.UNIT_RIGHT_OPEN,
            "Adagrad's momentum");
    public static final Key<Integer> SAMPLED_NEGATIVES = Key.integer("sampled_negatives", 0,
            Interval.upTo(0, 1_000_000), "train with a sampled softmax: the batch's labels plus this many negatives "
                    + "drawn by popularity^0.75, scores log-Q corrected (evaluation still ranks every item); 0 = full "
                    + "softmax (m2: in pre-training and fine-tuning; m4: in its pre-trained M1)");

    public static final Key<Integer> REPEAT_WINDOW = Key.integer("repeat_window", 0, Interval.upTo(0, 100),
            "a learnt score for items among the session's last this-many clicks, one weight per position (a copy "
                    + "term for sessions that return to their items); 0 = off");

    /** The keys, the training keys first. */
    public static final KeyTable<SoftmaxSettings> KEYS = KeyTable.of(SoftmaxSettings.class, GruTraining.KEYS,
            OUTPUT_DROPOUT, CLIP_NORM, TIED_EMBEDDING, OPTIMIZER, MOMENTUM, SAMPLED_NEGATIVES, REPEAT_WINDOW);

    /** The paper's M1: no output dropout, no clipping, a separate input embedding, Adam. */
    public static final SoftmaxSettings DEFAULT = KEYS.defaults();

    /** The paper's M1 options with {@code training}. */
    public static SoftmaxSettings of(GruTraining training) {
        return new SoftmaxSettings(training, DEFAULT.outputDropout, DEFAULT.clipNorm, DEFAULT.tiedEmbedding,
                DEFAULT.optimizer, DEFAULT.momentum, DEFAULT.sampledNegatives, DEFAULT.repeatWindow);
    }

    /** These settings with the input embedding tied to the output layer and {@code outputDropout}. */
    public SoftmaxSettings tied(double outputDropout) {
        return new SoftmaxSettings(training, outputDropout, clipNorm, true, optimizer, momentum, sampledNegatives,
                repeatWindow);
    }

    @Override
    public KeyTable<SoftmaxSettings> keyTable() {
        return KEYS;
    }
}
