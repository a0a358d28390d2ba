package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.TestWithheldException;
import org.sessionrnn.runner.ExperimentData;
import org.sessionrnn.runner.RunContext;
import org.sessionrnn.runner.SelectionTraining;
import org.sessionrnn.spec.DataSpec;

/**
 * The data view of a selection has no test split: the training half of an already split pair loads with no test
 * file at all, equals the training half of the full load, and any reach for the test split fails.
 */
class SelectionSeesNoTestTest {
    @TempDir
    Path root;

    @Test
    void trainingDataLoadsWithoutATestFileAndHidesTheTestSplit() throws Exception {
        Path train = root.resolve("train.tsv");
        Path test = root.resolve("test.tsv");
        PlantedTune.writeSessions(train, 50, 0, 1);
        DataSpec absentTest = new DataSpec("gru4rec", null, train, root.resolve("never-created.tsv"), null, null,
                null);
        Dataset view = new DataLoader(root, PreprocessListener.NONE).loadTraining(absentTest);
        assertFalse(view.hasTest());
        assertThrows(TestWithheldException.class, view::test);

        PlantedTune.writeSessions(test, 10, 1_000_000, 2);
        Dataset full = new DataLoader(root, PreprocessListener.NONE).load(new DataSpec("gru4rec", null, train, test,
                null, null, null));
        assertEquals(full.items().size(), view.items().size());
        assertEquals(SequenceBuilder.inLabelTimeOrder(full.train()).size(),
                SequenceBuilder.inLabelTimeOrder(view.train()).size());

        ExperimentData data = ExperimentData.withoutTest(view, SequenceBuilder.inLabelTimeOrder(view.train()));
        assertThrows(TestWithheldException.class, data::test);
        assertThrows(TestWithheldException.class, () -> data.dataset().test());
        ExperimentData withTest = new ExperimentData(full, SequenceBuilder.inLabelTimeOrder(full.train()),
                SequenceBuilder.inSessionOrder(full.test()));
        assertThrows(IllegalArgumentException.class, () -> SelectionTraining.train(new RunContext(null, null,
                withTest, root, System.out, 1)), "selection refuses data that has a test split");
    }
}
