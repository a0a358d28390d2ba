package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * skipped, runs missing from it are trained again with exactly the metrics version 0.1 got, and the report is
 * written from the mix.
 */
@Tag("slow")
class ResultsWrittenByV01Test {
    private static final Path FIXTURE = Path.of("src/test/resources/results-written-by-v0.1");
    private static final List<String> REDONE = List.of("m1-gru8-f1_2-s2", "pop-f1-s2");

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
            assertEquals(RunRecord.DONE, after.status(), after.runId() + ": " + after.failure());
            assertEquals(before.recall(), after.recall(), 0, after.runId());
            assertEquals(before.mrr(), after.mrr(), 0, after.runId());
            assertEquals(before.recallConservative(), after.recallConservative(), 0, after.runId());
            assertEquals(before.mrrConservative(), after.mrrConservative(), 0, after.runId());
            assertEquals(before.history().stream().map(e -> e.loss()).toList(),
                    after.history().stream().map(e -> e.loss()).toList(), after.runId());
            assertEquals(before.provenance().get("config_hash"), after.provenance().get("config_hash"));
            Path ranks = experiment.resolve("runs").resolve(after.runId()).resolve(RankFile.FILE_NAME);
            RankFile.TargetRanks expected = RankFile.read(FIXTURE.resolve("legacy/runs").resolve(after.runId())
                    .resolve(RankFile.FILE_NAME));
            assertArrayEquals(expected.standard(), RankFile.read(ranks).standard(), after.runId());
            assertArrayEquals(expected.conservative(), RankFile.read(ranks).conservative(), after.runId());
        }
        assertEquals(5, SummaryTable.read(experiment.resolve(SummaryTable.FILE_NAME)).rowCount());
        assertTrue(ReportWriter.writeAll(experiment).contains(experiment.resolve(SummaryTable.FILE_NAME)));
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
