package org.sessionrnn.baseline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionrnn.data.ItemIndex;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.RankingMetrics;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The baselines on the real rsc15-100k split ({@code ../shared/data}, skipped when absent), fraction 1, training
 * catalogue, Recall@20 / MRR@20. Expected values were computed independently by
 * {@code src/test/python/gru4rec_baselines_reference.py} (naive pure Python, float64, GRU4Rec's formulas).
 */
class Rsc15BaselinesTest {
    private static final Path DIR = Path.of("..", "shared", "data", "rsc15-100k");
    private static SequenceSet train;
    private static SequenceSet test;
    private static int items;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isRegularFile(DIR.resolve("train_full.tsv")) && Files.isRegularFile(DIR.resolve("test.tsv")),
                "rsc15-100k not found at " + DIR.toAbsolutePath() + "; skipping");
        TsvSessions trainFile = TsvSessions.read(DIR.resolve("train_full.tsv"));
        ItemIndex catalogue = trainFile.catalogue();
        items = catalogue.size();
        train = TinySessions.allPrefixes(trainFile.table(catalogue));
        test = TinySessions.allPrefixes(TsvSessions.read(DIR.resolve("test.tsv")).table(catalogue));
    }

    @Test
    void pop() {
        check("pop", new double[]{0.089441, 0.026351, 0.089441, 0.026351});
    }

    @Test
    void sessionPop() {
        check("spop", new double[]{0.381600, 0.282417, 0.380713, 0.249349});
    }

    @Test
    void itemKnn() {
        check("itemknn", new double[]{0.473306, 0.193140, 0.398247, 0.179830});
    }

    /** expected = {recall, mrr, recallConservative, mrrConservative} at 20. */
    private static void check(String model, double[] expected) {
        RankingMetrics m = new Evaluator(20).evaluate(
                switch (model) {
                    case "pop" -> Baselines.pop(train, items, 19);
                    case "spop" -> Baselines.sessionPop(train, items, 19);
                    default -> Baselines.itemKnn(train, items, 19, 100, 20, 0.5);
                }, test).metrics();
        System.out.printf("rsc15-100k %-8s R@20=%.6f MRR@20=%.6f R@20cons=%.6f MRR@20cons=%.6f (%d prefixes)%n",
                model, m.recall(), m.mrr(), m.recallConservative(), m.mrrConservative(), m.count());
        assertEquals(expected[0], m.recall(), 1e-4, "recall");
        assertEquals(expected[1], m.mrr(), 1e-4, "mrr");
        assertEquals(expected[2], m.recallConservative(), 1e-4, "recall conservative");
        assertEquals(expected[3], m.mrrConservative(), 1e-4, "mrr conservative");
    }
}
