package org.sessionrnn.report;

import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.runner.GridReport;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report} command's work: from {@code runs/*}{@code /run.json} of an experiment folder, writes
 * {@code summary.csv}, {@code figure4.png}/{@code .svg}, {@code table1}/{@code table2} as CSV and Markdown, and
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

    private ReportWriter() {
    }

    /** Writes every report file of {@code experimentDir} and returns the files written, {@code summary.csv} first. */
    public static List<Path> writeAll(Path experimentDir) throws IOException {
        List<RunRecord> records = RunRecordIo.readAll(experimentDir);
        Path name = experimentDir.toAbsolutePath().normalize().getFileName();
        Table summary = SummaryTable.fromRecords(name == null ? "experiment" : name.toString(), records);
        List<Path> written = new ArrayList<>();
        SummaryTable.write(summary, experimentDir.resolve(SummaryTable.FILE_NAME));
        written.add(experimentDir.resolve(SummaryTable.FILE_NAME));
        if (Figure4Chart.write(summary, experimentDir)) {
            written.add(experimentDir.resolve(Figure4Chart.PNG));
            written.add(experimentDir.resolve(Figure4Chart.SVG));
        }
        PaperTables.write(summary, experimentDir);
        for (String file : List.of(PaperTables.TABLE1_CSV, PaperTables.TABLE1_MD, PaperTables.TABLE2_CSV,
                PaperTables.TABLE2_MD)) {
            written.add(experimentDir.resolve(file));
        }
        for (RunRecord run : records) {
            Path runDir = experimentDir.resolve("runs").resolve(run.runId());
            if (LearningCurveChart.write(run, runDir)) {
                written.add(runDir.resolve(LearningCurveChart.PNG));
            }
        }
        return written;
    }
}
