package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * A results folder written by version 0.1 of the runner (before the model kinds, results store and settings
 * were restructured; {@code src/test/resources/results-written-by-v0.1}, produced by {@code legacy.yaml} there)
 * still loads, resumes and reports: its done runs are recognised as done with the same configuration and
 * skipped, runs missing from it are trained again with the metrics version 0.1 got (to float rounding: the
 * fixture comes from another machine), and the report is written from the mix.
 */
@Tag("slow")
@Tag("floats")
class ResultsWrittenByV01Test {
    private static final Path FIXTURE = Path.of("src/test/resources/results-written-by-v0.1");
    private static final List<String> REDONE = List.of("m1-gru8-f1_2-s2", "pop-f1-s2");
    /** Relative: far above the last bits in which two CPUs differ, far below any change in what is trained. */
    private static final double LOSS_TOLERANCE = 1e-6;

    @Test
    void loadsResumesAndReports(@TempDir Path dir) throws Exception {
        copy(FIXTURE, dir);
        Path experiment = dir.resolve("legacy");
        List<RunRecord> written = RunRecordIo.readAll(experiment);
        assertEquals(5, written.size());
        for (String id : REDONE) {
            Files.delete(experiment.resolve("runs").resolve(id).resolve(RunRecordIo.FILE_NAME));
        }

        ExperimentSpec spec = SpecLoader.load(dir.resolve("legacy.yaml"), List.of(), dir);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> now = new ExperimentRunner(spec, false, new PrintStream(log, true, StandardCharsets.UTF_8),
                ReportWriter.GRID).run();
        String out = log.toString(StandardCharsets.UTF_8);

        assertEquals(3, out.split("already done with the same configuration", -1).length - 1, out);
        assertEquals(written.stream().map(RunRecord::runId).toList(), now.stream().map(RunRecord::runId).toList());
        for (int i = 0; i < written.size(); i++) {
            RunRecord before = written.get(i);
            RunRecord after = now.get(i);
            String id = after.runId();
            assertEquals(RunRecord.DONE, after.status(), id + ": " + after.failure());
            assertEquals(before.provenance().get("config_hash"), after.provenance().get("config_hash"));
            Path ranks = experiment.resolve("runs").resolve(id).resolve(RankFile.FILE_NAME);
            RankFile.TargetRanks expected = RankFile.read(FIXTURE.resolve("legacy/runs").resolve(id)
                    .resolve(RankFile.FILE_NAME));
            RankFile.TargetRanks actual = RankFile.read(ranks);
            // The fixture was recorded on another CPU, whose vector code sums in another order: the losses of the
            // retrained runs agree to float rounding and a target's rank may move where its score is near-tied,
            // so the metrics may differ by as much as the moved ranks make them.
            int moved = moved(expected.standard(), actual.standard()) + moved(expected.conservative(),
                    actual.conservative());
            assertTrue(moved <= Math.max(1, expected.standard().length / 100), id + ": " + moved + " ranks moved");
            double slack = (double) moved / expected.standard().length;
            assertEquals(before.recall(), after.recall(), slack, id);
            assertEquals(before.mrr(), after.mrr(), slack, id);
            assertEquals(before.recallConservative(), after.recallConservative(), slack, id);
            assertEquals(before.mrrConservative(), after.mrrConservative(), slack, id);
            List<Double> lossesBefore = before.history().stream().map(e -> e.loss()).toList();
            List<Double> lossesAfter = after.history().stream().map(e -> e.loss()).toList();
            assertEquals(lossesBefore.size(), lossesAfter.size(), id + " epochs");
            for (int e = 0; e < lossesBefore.size(); e++) {
                assertEquals(lossesBefore.get(e), lossesAfter.get(e), LOSS_TOLERANCE * lossesBefore.get(e),
                        id + " loss of epoch " + (e + 1) + ": " + lossesBefore + " vs " + lossesAfter);
            }
        }
        assertEquals(5, SummaryTable.read(experiment.resolve(SummaryTable.FILE_NAME)).rowCount());
        assertTrue(ReportWriter.writeAll(experiment).contains(experiment.resolve(SummaryTable.FILE_NAME)));
    }

    /** How many prefixes have another rank in {@code b} than in {@code a}. */
    private static int moved(int[] a, int[] b) {
        assertEquals(a.length, b.length, "test prefixes");
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
