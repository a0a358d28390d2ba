package org.sessionrnn.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SrgnnReader;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.Ranker;

/**
 * On SR-GNN's files the catalogue holds items that no training session clicks (ids 4, 8 and 9 of the tiny
 * fixture) and a test target may be one of them: the baselines rank it, in both tie modes, as a miss behind every
 * item with a score, and never drop it.
 */
class SrgnnBaselinesTest {
    private static final Path DIR = Path.of("src", "test", "resources", "fixtures", "srgnn");

    private final Dataset data = SrgnnReader.read(DIR.resolve("train.txt"), DIR.resolve("test.txt"), "tiny", "h",
            PreprocessListener.NONE);

    @Test
    void popRanksAnUnseenTargetLastInBothTieModes() {
        EvaluationResult r = evaluate(Baselines.pop(data.trainByTime(), data.items().size(), 19));
        // supports: 2 and 5 twice, 1, 3, 6 and 7 once, 4, 8 and 9 never
        assertArrayEquals(new int[] {7, 3, 1}, r.standardRanks());
        assertArrayEquals(new int[] {9, 6, 2}, r.conservativeRanks());
    }

    @Test
    void sessionPopAndItemKnnRankAnUnseenTargetBehindEveryItemWithAScore() {
        EvaluationResult spop = evaluate(Baselines.sessionPop(data.trainByTime(), data.items().size(), 19));
        // the six training items and the session's own item 8 score above 0
        assertEquals(8, spop.standardRanks()[0]);
        assertEquals(9, spop.conservativeRanks()[0]);
        EvaluationResult knn = evaluate(Baselines.itemKnn(data.trainByTime(), data.items().size(), 19, 100, 20,
                0.5));
        // only the neighbours of item 1 (2 and 3) score: standard ties put the unseen target third, a hit at
        // cutoff 3, which only the conservative mode (every 0-scored item ahead) counts as the miss it is
        assertEquals(3, knn.standardRanks()[0]);
        assertEquals(9, knn.conservativeRanks()[0]);
        for (EvaluationResult r : new EvaluationResult[] {spop, knn}) {
            assertEquals(3, r.conservativeRanks().length, "no prefix dropped");
            for (int i = 0; i < 3; i++) {
                assertTrue(r.standardRanks()[i] >= 1 && r.standardRanks()[i] <= r.conservativeRanks()[i]);
            }
        }
    }

    private EvaluationResult evaluate(Ranker ranker) {
        return new Evaluator(3).evaluate(ranker, data.testSequences());
    }
}
