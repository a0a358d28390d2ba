package org.sessionrnn.train;

import org.sessionrnn.eval.ValidationRanking;
import org.sessionrnn.results.EpochRecord;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.spec.Optimizer;

class SoftmaxModelTrainingTest {
    private static final int ITEMS = 60;

    private static TrainingConfig config(long seed) {
        return new TrainingConfig(64, 0.01f, 6, 2, 0.25, 19, 20, seed);
    }

    @Test
    void m1LearnsAPlantedTransitionPattern(@TempDir Path dir) {
        SessionTable table = PlantedSessions.table(600, ITEMS, 1);
        SequenceSet all = PlantedSessions.prefixes(table);
        SequenceSet train = all.range(0, all.size() * 9 / 10);
        SequenceSet validation = all.range(all.size() * 9 / 10, all.size());
        SessionTable testTable = PlantedSessions.table(100, ITEMS, 2);
        SequenceSet test = PlantedSessions.prefixes(testTable);
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 16, 32, 19, 7))) {
            EarlyStopping stopping = new EarlyStopping(2, dir.resolve("best"));
            List<EpochRecord> history = new Trainer(config(7), List.of(stopping), new ValidationRanking(config(7))).fit(model, train, validation, ITEMS);
            assertTrue(history.get(history.size() - 1).loss() < history.get(0).loss(), "loss decreases");
            EvaluationResult r = new Evaluator(20).evaluate(new ModelRanker(model, 64, 19, ITEMS), test);
            // the next item is a deterministic function of the last one: a working model nails it
            assertTrue(r.metrics().recall() >= 0.9, "Recall@20 " + r.metrics().recall());
            assertTrue(r.metrics().mrr() >= 0.5, "MRR@20 " + r.metrics().mrr());
        }
    }

    /** The improved variant's options together (tied embedding, output dropout, clipping, schedule) still learn. */
    @Test
    void m1plusOptionsLearnAPlantedTransitionPattern(@TempDir Path dir) {
        SessionTable table = PlantedSessions.table(600, ITEMS, 1);
        SequenceSet all = PlantedSessions.prefixes(table);
        SequenceSet train = all.range(0, all.size() * 9 / 10);
        SequenceSet validation = all.range(all.size() * 9 / 10, all.size());
        SequenceSet test = PlantedSessions.prefixes(PlantedSessions.table(100, ITEMS, 2));
        SoftmaxBlock.Options options = new SoftmaxBlock.Options(0.4, true);
        TrainingOptions training = new TrainingOptions(Optimizer.ADAM, 0, 5);
        TrainingConfig config = new TrainingConfig(64, 0.01f, 6, 2, 0, 19, 20, 7, 20, 0.9);
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.parts(ITEMS, 16, 32, 19, 7, options, training))) {
            EarlyStopping stopping = new EarlyStopping(2, dir.resolve("best"));
            new Trainer(config, List.of(stopping), new ValidationRanking(config)).fit(model, train, validation, ITEMS);
            EvaluationResult r = new Evaluator(20).evaluate(new ModelRanker(model, 64, 19, ITEMS), test);
            assertTrue(r.metrics().recall() >= 0.9, "Recall@20 " + r.metrics().recall());
            assertTrue(r.metrics().mrr() >= 0.5, "MRR@20 " + r.metrics().mrr());
        }
    }

    /** Adagrad with momentum, GRU4Rec's optimiser, learns the same pattern. */
    @Test
    void adagradLearnsAPlantedTransitionPattern(@TempDir Path dir) {
        SessionTable table = PlantedSessions.table(600, ITEMS, 1);
        SequenceSet all = PlantedSessions.prefixes(table);
        SequenceSet train = all.range(0, all.size() * 9 / 10);
        SequenceSet validation = all.range(all.size() * 9 / 10, all.size());
        SequenceSet test = PlantedSessions.prefixes(PlantedSessions.table(100, ITEMS, 2));
        SoftmaxBlock.Options options = new SoftmaxBlock.Options(0, true);
        TrainingOptions training = new TrainingOptions(Optimizer.ADAGRAD, 0.2, 0);
        TrainingConfig config = new TrainingConfig(64, 0.1f, 6, 2, 0, 19, 20, 7);
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.parts(ITEMS, 16, 32, 19, 7, options, training))) {
            EarlyStopping stopping = new EarlyStopping(2, dir.resolve("best"));
            new Trainer(config, List.of(stopping), new ValidationRanking(config)).fit(model, train, validation, ITEMS);
            EvaluationResult r = new Evaluator(20).evaluate(new ModelRanker(model, 64, 19, ITEMS), test);
            assertTrue(r.metrics().recall() >= 0.9, "Recall@20 " + r.metrics().recall());
        }
    }

    @Test
    void sameSeedGivesIdenticalLossesAndRanks(@TempDir Path dir) {
        SessionTable table = PlantedSessions.table(200, ITEMS, 3);
        SequenceSet all = PlantedSessions.prefixes(table);
        double[] losses = new double[2];
        int[][] ranks = new int[2][];
        for (int k = 0; k < 2; k++) {
            try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 8, 16, 19, 11))) {
                TrainingConfig c = new TrainingConfig(32, 0.01f, 2, 5, 0.25, 19, 20, 11);
                List<EpochRecord> h = new Trainer(c, List.of(), new ValidationRanking(c)).fit(model, all, all, ITEMS);
                losses[k] = h.get(1).loss();
                ranks[k] = new Evaluator(20).evaluate(new ModelRanker(model, 32, 19, ITEMS), all).standardRanks();
            }
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertArrayEquals(ranks[0], ranks[1]);
    }

    @Test
    void parameterCountFollowsTheArchitecture() {
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 16, 32, 19, 1))) {
            long embedding = (ITEMS + 1) * 16L;
            long gru = 16L * 96 + 96 + 32L * 64 + 32L * 32;
            long output = 32L * ITEMS + ITEMS;
            assertEquals(embedding + gru + output, model.parameterCount());
        }
    }
}
