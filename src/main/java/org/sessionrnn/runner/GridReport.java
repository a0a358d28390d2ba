package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The report files the runner keeps beside the run records: the summary table after every run, so that it shows
 * progress, and every figure and table once the whole grid has run. The report stage stands above the runner,
 * so the command that starts a grid hands its implementation in ({@code org.sessionrnn.report.ReportWriter#GRID}).
 */
public interface GridReport {
    /** Rewrites the summary table of {@code experimentDir} from the run records there. */
    void writeSummary(String experimentName, Path experimentDir) throws IOException;

    /** Writes every report file of {@code experimentDir} and returns them, the summary table first. */
    List<Path> writeAll(Path experimentDir) throws IOException;
}
