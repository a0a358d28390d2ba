package org.sessionrnn.model;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table 2's model sizes at the paper's 37,483 items. The paper's M1-M3 counts include an output unit for the
 * padding row (one more class: GRU size + 1 parameters); ours has no such class.
 */
@Tag("slow")
class TableTwoParametersTest {
    private static final int ITEMS = 37_483;

    @ParameterizedTest
    @CsvSource({"100, 5705384", "1000, 42548684"})
    void m1HasThePapersCountLessTheOutputUnitOfThePaddingRow(int gru, long paper) {
        // the bare block: counting needs shapes, not initialised values
        try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
            ForwardBlock m1 = SoftmaxBlock.maker(ITEMS, 50, gru, SoftmaxBlock.Options.NONE)
                    .make(org.tensorflow.op.Ops.create(graph), Parameters.restored());
            assertEquals(paper - (gru + 1), m1.variables().stream().mapToLong(v -> v.shape().size()).sum());
            m1.close();
        }
    }

    /** The paper's M4 has {@code H^2 + 55 H} more: see docs/models.md. */
    @ParameterizedTest
    @CsvSource({"100, 1950150", "1000, 7133250"})
    void m4CountsEmbeddingGruAndOneHiddenLayer(int gru, long paper) {
        SoftmaxWeights pretrained = new SoftmaxWeights(List.of(new float[(ITEMS + 1) * 50]));
        try (NeuralModel m4 = NeuralModel.build(EmbeddingCosineBlock.parts(ITEMS, 50, gru, gru, 19, 1, pretrained, TrainingOptions.ADAM))) {
            assertEquals(paper - ((long) gru * gru + 55L * gru), m4.parameterCount());
        }
    }
}
