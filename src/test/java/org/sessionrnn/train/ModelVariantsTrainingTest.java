package org.sessionrnn.train;

import org.sessionrnn.eval.ValidationRanking;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.PrivilegedSequences;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.EmbeddingCosineBlock;
import org.sessionrnn.model.GruEncoder;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.model.TeacherDistillation;
import org.sessionrnn.model.TrainingOptions;

/** M2, M3 and M4 on the planted pattern of {@link PlantedSessions}, sharing one pre-trained M1. */
@Tag("slow")
class ModelVariantsTrainingTest {
    private static final int ITEMS = 60;
    private static final int EMBEDDING = 16;
    private static final int GRU = 32;
    private static final int STEPS = 19;
    private static final float LR = 0.01f;

    @TempDir
    static Path dir;
    private static SequenceSet train;
    private static SequenceSet validation;
    private static SequenceSet test;
    private static Path pretrained;

    @BeforeAll
    static void pretrain() {
        SequenceSet all = PlantedSessions.prefixes(PlantedSessions.table(600, ITEMS, 1));
        train = all.range(0, all.size() * 9 / 10);
        validation = all.range(all.size() * 9 / 10, all.size());
        test = PlantedSessions.prefixes(PlantedSessions.table(100, ITEMS, 2));
        pretrained = dir.resolve("pretrained");
        try (NeuralModel m1 = NeuralModel.build(SoftmaxBlock.m1(ITEMS, EMBEDDING, GRU, STEPS, 7))) {
            trainer(6).fit(m1, train, validation, ITEMS);
            m1.save(pretrained);
        }
    }

    private static Trainer trainer(int epochs, TrainingListener... listeners) {
        TrainingConfig config = new TrainingConfig(64, LR, epochs, 2, 0.25, STEPS, 20, 7);
        return new Trainer(config, List.of(listeners), new ValidationRanking(config));
    }

    private static double recall(SessionModel model) {
        EvaluationResult r = new Evaluator(20).evaluate(new ModelRanker(model, 64, STEPS, ITEMS), test);
        return r.metrics().recall();
    }

    private static GruEncoder encoder(NeuralModel m1) {
        return ((SoftmaxBlock) m1.block()).encoder();
    }

    private static EmbeddingCosineBlock cosine(NeuralModel m4) {
        return (EmbeddingCosineBlock) m4.block();
    }

    private static SoftmaxWeights pretrainedWeights() {
        return SoftmaxWeights.load(pretrained, ITEMS, EMBEDDING, GRU);
    }

    @Test
    void m2StartsFromThePretrainedWeightsWithFreshAdamAndLearns() {
        SequenceSet recent = train.range(train.size() * 3 / 4, train.size());
        try (NeuralModel pre = NeuralModel.build(SoftmaxBlock.m1(ITEMS, EMBEDDING, GRU, STEPS, 7));
             NeuralModel fresh = NeuralModel.build(SoftmaxBlock.m1(ITEMS, EMBEDDING, GRU, STEPS, 8));
             NeuralModel m2 = NeuralModel.build(SoftmaxBlock.m1(ITEMS, EMBEDDING, GRU, STEPS, 8))) {
            pre.restore(pretrained);
            pretrainedWeights().initialise(m2);
            float[] freshKernel = fresh.read(encoder(fresh).variables().get(3));
            for (var v : encoder(m2).variables()) {
                int i = encoder(m2).variables().indexOf(v);
                assertArrayEquals(pre.read(encoder(pre).variables().get(i)), m2.read(v), "variable " + i);
            }
            assertFalse(Arrays.equals(freshKernel, m2.read(encoder(m2).variables().get(3))), "not a fresh init");
            float[] before = m2.read(encoder(m2).variables().get(2));
            m2.trainStep(firstBatch(recent), LR);
            assertFreshAdamStep(before, m2.read(encoder(m2).variables().get(2)));
            trainer(2).fit(m2, recent, validation, ITEMS);
            assertTrue(recall(m2) >= 0.9, "M2 Recall@20 " + recall(m2));
        }
    }

    /**
     * Adam's first step from zero moments moves every weight by {@code lr * |g| / (|g| + eps)}: the learning rate
     * unless the gradient is near eps, and never more. Restored moments from the pre-training would give steps
     * scaled by the old gradient history instead.
     */
    private static void assertFreshAdamStep(float[] before, float[] after) {
        int full = 0;
        for (int i = 0; i < before.length; i++) {
            double step = Math.abs(after[i] - before[i]);
            assertTrue(step <= LR * 1.001, "step " + step);
            full += step > LR * 0.9 ? 1 : 0;
        }
        assertTrue(full >= before.length * 0.75, full + " of " + before.length + " full steps");
    }

    private static Batch firstBatch(SequenceSet set) {
        Batch batch = new Batch(64, STEPS, ITEMS);
        int[] clicks = new int[STEPS];
        for (int i = 0; i < 64; i++) {
            batch.add(clicks, set.copyInput(i, STEPS, clicks, 0), set.label(i), i);
        }
        return batch;
    }

    @Test
    void m3LearnsFromLabelsAndItsPrivilegedTeacher() {
        SoftmaxWeights teacher;
        try (NeuralModel t = NeuralModel.build(SoftmaxBlock.m1(ITEMS, EMBEDDING, GRU, STEPS, 9))) {
            trainer(4).fit(t, PrivilegedSequences.of(train, STEPS), PrivilegedSequences.of(validation, STEPS), ITEMS);
            teacher = SoftmaxWeights.of(t);
        }
        SoftmaxWeights trained = teacher;
        try (NeuralModel m3 = NeuralModel.build(TeacherDistillation.parts(ITEMS, EMBEDDING, GRU, STEPS, 7,
                () -> trained, 0.2, 1, 10, train))) {
            trainer(6, new EarlyStopping(2, dir.resolve("m3"))).fit(m3, train, validation, ITEMS);
            assertTrue(recall(m3) >= 0.9, "M3 Recall@20 " + recall(m3));
        }
    }

    @Test
    void m4LearnsWhileItsTargetEmbeddingsStayFixed() {
        try (NeuralModel m4 = NeuralModel.build(EmbeddingCosineBlock.parts(ITEMS, EMBEDDING, GRU, GRU, STEPS, 7,
                pretrainedWeights(), TrainingOptions.ADAM))) {
            float[] targets = m4.read(cosine(m4).targets());
            float[] input = m4.read(cosine(m4).encoder().embedding());
            trainer(6, new EarlyStopping(2, dir.resolve("m4"))).fit(m4, train, validation, ITEMS);
            assertArrayEquals(targets, m4.read(cosine(m4).targets()), 0f);
            assertFalse(Arrays.equals(input, m4.read(cosine(m4).encoder().embedding())), "the input embedding trains");
            assertTrue(recall(m4) >= 0.9, "M4 Recall@20 " + recall(m4));
        }
    }

    @Test
    void m4CountsInputEmbeddingGruAndDenseLayersButNotTheFixedTargets() {
        try (NeuralModel m4 = NeuralModel.build(EmbeddingCosineBlock.parts(ITEMS, EMBEDDING, GRU, 24, STEPS, 7,
                pretrainedWeights(), TrainingOptions.ADAM))) {
            long gru = EMBEDDING * 3L * GRU + 3L * GRU + GRU * 2L * GRU + (long) GRU * GRU;
            long dense = GRU * 24L + 24 + 24L * EMBEDDING + EMBEDDING;
            assertEquals((ITEMS + 1L) * EMBEDDING + gru + dense, m4.parameterCount());
            assertEquals((long) ITEMS * EMBEDDING, cosine(m4).targets().shape().size());
        }
    }
}
