package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
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

        assertEquals(List.of("m1-gru16-f1_4-s3", "m1-gru16-f1-s3", "pop-f1_4-s3", "pop-f1-s3").size(), first.size());
        first.forEach(r -> assertEquals(RunRecord.DONE, r.status(), r.runId() + ": " + r.failure()));
        Path exp = output.resolve("tiny");
        Table summary = SummaryTable.read(exp.resolve("summary.csv"));
        assertEquals(4, summary.rowCount());
        assertEquals(SummaryTable.columnNames(), summary.columnNames());
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

        List<RunRecord> skipped = run(specFile, output, false, log);
        assertTrue(log.toString().contains("skipped"));
        assertEquals(first.get(0).recall(), skipped.get(0).recall(), 0.0);

        List<RunRecord> again = run(specFile, output, true, log);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).recall(), again.get(i).recall(), 0.0, first.get(i).runId());
            assertEquals(first.get(i).mrr(), again.get(i).mrr(), 0.0, first.get(i).runId());
        }
    }
}
