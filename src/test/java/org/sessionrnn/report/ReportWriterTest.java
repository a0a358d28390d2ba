package org.sessionrnn.report;

import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryReportFile() throws IOException {
        List<RunRecord> runs = List.of(Fixtures.run("m1", "m1", 100, "1/4", 1, 0.6, 0.3),
                Fixtures.run("spop", "spop", 0, "1", 1, 0.3, 0.2), Fixtures.running("m4", 100, "1"));
        for (RunRecord run : runs) {
            RunRecordIo.write(dir.resolve("runs").resolve(run.runId()).resolve(RunRecordIo.FILE_NAME), run);
        }
        List<Path> written = ReportWriter.writeAll(dir);
        for (String name : List.of(SummaryTable.FILE_NAME, Figure4Chart.PNG, Figure4Chart.SVG,
                PaperTables.TABLE1_CSV, PaperTables.TABLE1_MD, PaperTables.TABLE2_CSV, PaperTables.TABLE2_MD)) {
            assertTrue(written.contains(dir.resolve(name)), name);
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        Path curve = dir.resolve("runs").resolve(runs.get(0).runId()).resolve(LearningCurveChart.PNG);
        BufferedImage png = ImageIO.read(curve.toFile());
        assertEquals(LearningCurveChart.WIDTH, png.getWidth());
        assertEquals(runs.size(), SummaryTable.read(dir.resolve(SummaryTable.FILE_NAME)).rowCount());
    }

    @Test
    void learningCurveHasLossAndRecallOnTwoAxes() {
        var chart = LearningCurveChart.build(Fixtures.run("m1", "m1", 100, "1", 1, 0.6, 0.3));
        assertEquals(2, chart.getXYPlot().getRangeAxisCount());
        assertEquals("validation Recall@20", chart.getXYPlot().getDataset(1).getSeriesKey(0));
        assertEquals(2, chart.getXYPlot().getDataset(0).getItemCount(0));
    }
}
