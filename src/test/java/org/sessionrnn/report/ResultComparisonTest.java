package org.sessionrnn.report;

import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultComparisonTest {
    private static final List<String> METRICS = List.of("recall", "mrr");

    @TempDir
    Path dir;

    private static Table threeSeeds(String name, double[] recall) {
        return SummaryTable.fromRecords(name, List.of(Fixtures.run("m1", "m1", 100, "1/4", 1, recall[0], 0.3),
                Fixtures.run("m1", "m1", 100, "1/4", 2, recall[1], 0.3),
                Fixtures.run("m1", "m1", 100, "1/4", 3, recall[2], 0.3)));
    }

    @Test
    void identicalInputsHaveNoRegression() {
        Table a = Figure4ChartTest.grid();
        Comparison c = ResultComparison.compare(a, a, METRICS, 0.0);
        assertTrue(c.regressions().isEmpty());
        assertEquals(0, c.exitCode());
        assertTrue(c.text().contains("m1 (100) @ 1/256"), c.text());
    }

    @Test
    void flagsRegressionBeyondToleranceOnly() {
        Table a = threeSeeds("a", new double[]{0.60, 0.62, 0.64});
        Table within = threeSeeds("b", new double[]{0.60, 0.61, 0.63});
        Table beyond = threeSeeds("b", new double[]{0.55, 0.57, 0.59});
        assertTrue(ResultComparison.compare(a, within, METRICS, 0.02).regressions().isEmpty());
        Comparison c = ResultComparison.compare(a, beyond, METRICS, 0.02);
        assertEquals(1, c.exitCode());
        assertEquals(1, c.regressions().size());
        assertEquals("recall", c.regressions().get(0).metric());
        assertEquals(0.57, c.regressions().get(0).b(), 1e-12);
    }

    @Test
    void pairedTTestMatchesCommonsMath() {
        double[] x = {0.60, 0.62, 0.64};
        double[] y = {0.58, 0.615, 0.62};
        Comparison c = ResultComparison.compare(threeSeeds("a", x), threeSeeds("b", y), List.of("recall"), 1);
        Comparison.SignificanceTest t = c.tests().get(0);
        assertEquals(SignificanceTests.T_TEST, t.test());
        assertEquals(3, t.n());
        assertEquals(new TTest().pairedTTest(x, y), t.pValue(), 1e-15);
    }

    @Test
    void paperRowsMatchBestRunOfModelAndSize() {
        Table a = SummaryTable.fromRecords("a", List.of(Fixtures.run("m2", "m2", 100, "1/64", 1, 0.70, 0.30),
                Fixtures.run("m2", "m2", 100, "1/16", 1, 0.72, 0.31)));
        Comparison c = ResultComparison.compare(a, PaperResults.table(), METRICS, 0.05);
        assertTrue(c.text().contains("m2-100-1_16-s1 @ 1/16"), c.text());
        assertTrue(c.regressions().isEmpty(), c.text());
    }

    /** Against the paper (M2, GRU 100: Recall@20 0.7129, MRR@20 0.3091), only a reproduction below it fails. */
    @Test
    void thePaperIsAReproductionCheck() {
        Table beats = SummaryTable.fromRecords("a", List.of(Fixtures.run("m2", "m2", 100, "1", 1, 0.7329, 0.3091)));
        Comparison above = ResultComparison.compare(beats, PaperResults.table(), METRICS, 0.005);
        assertEquals(0, above.exitCode(), above.text());
        assertTrue(above.text().contains("Reproductions below the paper by more than 0.005: none"), above.text());
        assertTrue(above.text().matches("(?s).* 0\\.7329 +0\\.7129 +0\\.0200 +above +0\\.3091 "
                + "+0\\.3091 +0\\.0000 +within\\b.*"), above.text());
        assertTrue(!above.text().contains("Regressions"), above.text());

        Table falls = SummaryTable.fromRecords("a", List.of(Fixtures.run("m2", "m2", 100, "1", 1, 0.70, 0.33)));
        Comparison below = ResultComparison.compare(falls, PaperResults.table(), METRICS, 0.005);
        assertEquals(1, below.exitCode(), below.text());
        assertEquals(List.of("recall"), below.regressions().stream().map(Comparison.Regression::metric).toList());
        assertTrue(below.text().contains("Reproductions below the paper by more than 0.005: 1\n"), below.text());
        assertTrue(below.text().contains("recall: 0.7000 (paper 0.7129)"), below.text());
        assertTrue(below.text().matches("(?s).*-0\\.0129 +below +0\\.3300 +0\\.3091 +0\\.0209 +above\\b.*"),
                below.text());
    }

    @Test
    void wilcoxonOverPrefixRanksFromFolders() throws IOException {
        RunRecord a = Fixtures.run("m1", "m1", 100, "1", 1, 0.6, 0.3);
        RunRecord b = Fixtures.run("m1", "m1", 100, "1", 1, 0.5, 0.2);
        Path dirA = dir.resolve("a");
        Path dirB = dir.resolve("b");
        for (var side : List.of(new Object[]{dirA, a, new int[]{1, 2, 3, 1, 5, 2, 30, 1}},
                new Object[]{dirB, b, new int[]{2, 4, 3, 3, 9, 2, 40, 2}})) {
            Path runDir = ((Path) side[0]).resolve("runs").resolve(a.runId());
            RunRecordIo.write(runDir.resolve(RunRecordIo.FILE_NAME), (RunRecord) side[1]);
            int[] ranks = (int[]) side[2];
            RankFile.write(runDir.resolve(RankFile.FILE_NAME), new RankFile.TargetRanks(ranks, ranks));
        }
        Comparison c = ResultComparison.compare(dirA, dirB, METRICS, 0.2);
        Comparison.SignificanceTest w = c.tests().stream()
                .filter(t -> t.test().equals(SignificanceTests.WILCOXON)).findFirst().orElseThrow();
        assertTrue(w.pValue() > 0 && w.pValue() < 1, c.text());
        assertTrue(c.text().contains("Wilcoxon"), c.text());
    }
}
