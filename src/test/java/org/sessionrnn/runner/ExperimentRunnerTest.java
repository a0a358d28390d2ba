package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecLoader;
import tech.tablesaw.api.Table;

@Tag("slow")
class ExperimentRunnerTest {
    static final String SPEC = """
            name: tiny
            data:
              synthetic: {clicks: 15000, items: 150, clusters: 10, days: 8, seed: 3}
            protocol:
              fractions: [1/4, 1]
            variants:
              - model: m1
                gru_sizes: [16]
                embedding: 8
                batch_size: 64
                learning_rate: 0.01
                max_epochs: 2
              - model: pop
            """;

    private static List<RunRecord> run(Path specFile, Path output, boolean force, ByteArrayOutputStream log)
            throws Exception {
        ExperimentSpec spec = SpecLoader.load(specFile, List.of(), output);
        return new ExperimentRunner(spec, force, new PrintStream(log, true), ReportWriter.GRID).run();
    }

    @Test
    void runsTheGridWritesResultsAndSkipsOrRepeatsExactly(@TempDir Path dir) throws Exception {
        Path specFile = dir.resolve("tiny.yaml");
        Files.writeString(specFile, SPEC);
        Path output = dir.resolve("results");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> first = run(specFile, output, false, log);

        assertEquals(List.of("m1-gru16-f1_4-s1", "m1-gru16-f1-s1", "pop-f1_4-s1", "pop-f1-s1"),
                first.stream().map(RunRecord::runId).toList(), "the grid's runs in grid order");
        first.forEach(r -> assertEquals(RunRecord.DONE, r.status(), r.runId() + ": " + r.failure()));
        first.forEach(r -> assertTrue(r.recall() > 0 && r.recall() <= 1 && r.mrr() > 0 && r.mrr() <= r.recall(),
                r.runId() + ": recall " + r.recall() + ", mrr " + r.mrr()));
        assertTrue(first.get(0).trainSequences() < first.get(1).trainSequences(), "fraction 1/4 trains on less");
        Path exp = output.resolve("tiny");
        Table summary = SummaryTable.read(exp.resolve("summary.csv"));
        assertEquals(SummaryTable.columnNames(), summary.columnNames());
        assertEquals(first.stream().map(RunRecord::runId).toList(), summary.stringColumn("run_id").asList());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).recall(), summary.numberColumn("recall").getDouble(i), 1e-6, "summary row " + i);
        }
        for (String file : List.of("spec.yaml", "figure4.png", "table1.md", "table2.md")) {
            assertTrue(Files.exists(exp.resolve(file)), file);
        }
        RunRecord m1 = first.get(0);
        assertTrue(Files.exists(exp.resolve("runs").resolve(m1.runId()).resolve("ranks.bin")));
        assertTrue(m1.params() > 0 && m1.epochs() >= 1 && m1.predictMsMean() > 0);
        for (String key : List.of("git_commit", "tensorflow_version", "data_hash", "spec_hash", "config_hash",
                "device")) {
            assertTrue(m1.provenance().containsKey(key), key);
        }

        Path ranks = exp.resolve("runs").resolve(m1.runId()).resolve("ranks.bin");
        byte[] firstRanks = Files.readAllBytes(ranks);
        log.reset();
        List<RunRecord> skipped = run(specFile, output, false, log);
        assertEquals(4, count(log.toString(), "skipped"), log.toString());
        assertEquals(first, skipped, "every run is read back as it was written, none trained again");

        log.reset();
        List<RunRecord> again = run(specFile, output, true, log);
        assertEquals(0, count(log.toString(), "skipped"), log.toString());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).recall(), again.get(i).recall(), 0.0, first.get(i).runId());
            assertEquals(first.get(i).mrr(), again.get(i).mrr(), 0.0, first.get(i).runId());
        }
        assertArrayEquals(firstRanks, Files.readAllBytes(ranks), "retrained with --force: the same ranks");
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }
}
