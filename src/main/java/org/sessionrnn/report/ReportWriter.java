package org.sessionrnn.report;

import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.runner.GridReport;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.spec.SpecLoader;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report} command's work: from {@code runs/*}{@code /run.json} of an experiment folder, writes
 * {@code summary.csv}, {@code figure4.png}/{@code .svg}, {@code table1}/{@code table2} as CSV and Markdown, the
 * leaderboard as CSV and Markdown when the folder's {@code spec.yaml} names one ({@code protocol.leaderboard}), and
 * each run's {@code learning_curve.png}. Needs nothing but the folder, so it can be re-run at any time.
 */
public final class ReportWriter {
    /** What the runner writes beside the run records: {@code summary.csv} after every run, all files at the end. */
    public static final GridReport GRID = new GridReport() {
        @Override
        public void writeSummary(String experimentName, Path experimentDir) throws IOException {
            SummaryTable.write(SummaryTable.fromRecords(experimentName, RunRecordIo.readAll(experimentDir)),
                    experimentDir.resolve(SummaryTable.FILE_NAME));
        }

        @Override
        public List<Path> writeAll(Path experimentDir) throws IOException {
            return ReportWriter.writeAll(experimentDir);
        }
    };

    /** The resolved spec the runner writes into an experiment folder. */
    static final String SPEC_FILE = "spec.yaml";

    private ReportWriter() {
    }

    /** Writes every report file of {@code experimentDir} and returns the files written, {@code summary.csv} first. */
    public static List<Path> writeAll(Path experimentDir) throws IOException {
        List<RunRecord> records = RunRecordIo.readAll(experimentDir);
        ProtocolSpec protocol = protocol(experimentDir);
        Path name = experimentDir.toAbsolutePath().normalize().getFileName();
        Table summary = SummaryTable.fromRecords(name == null ? "experiment" : name.toString(), records);
        List<Path> written = new ArrayList<>();
        SummaryTable.write(summary, experimentDir.resolve(SummaryTable.FILE_NAME));
        written.add(experimentDir.resolve(SummaryTable.FILE_NAME));
        if (Figure4Chart.write(summary, experimentDir, protocol.dataFraction())) {
            written.add(experimentDir.resolve(Figure4Chart.PNG));
            written.add(experimentDir.resolve(Figure4Chart.SVG));
        }
        PaperTables.write(summary, experimentDir, protocol.dataFraction());
        for (String file : List.of(PaperTables.TABLE1_CSV, PaperTables.TABLE1_MD, PaperTables.TABLE2_CSV,
                PaperTables.TABLE2_MD)) {
            written.add(experimentDir.resolve(file));
        }
        if (protocol.hasLeaderboard()) {
            Leaderboard.write(summary, protocol.leaderboard(), protocol.dataFraction(), experimentDir);
            written.add(experimentDir.resolve(Leaderboard.CSV));
            written.add(experimentDir.resolve(Leaderboard.MD));
        }
        for (RunRecord run : records) {
            Path runDir = experimentDir.resolve("runs").resolve(run.runId());
            if (LearningCurveChart.write(run, runDir)) {
                written.add(runDir.resolve(LearningCurveChart.PNG));
            }
        }
        return written;
    }

    /**
     * The protocol of the resolved {@code spec.yaml} the runner writes into the folder, which says how to label
     * fractions and which leaderboard to write; the defaults without one (a folder of run records alone).
     */
    static ProtocolSpec protocol(Path experimentDir) {
        Path specFile = experimentDir.resolve(SPEC_FILE);
        return Files.exists(specFile) ? SpecLoader.load(specFile).protocol() : ProtocolSpec.DEFAULT;
    }
}
