package org.sessionrnn.report;

import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.spec.Fraction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Figure4ChartTest {
    @TempDir
    Path dir;

    /** m1 and m4 at GRU 100 and 1000 on three fractions, spop at 1/4 and 1, one running row to ignore. */
    static Table grid() {
        List<RunRecord> records = new ArrayList<>();
        for (int size : new int[]{100, 1000}) {
            for (String f : new String[]{"1/256", "1/16", "1"}) {
                records.add(Fixtures.run("m1", "m1", size, f, 1, 0.6, 0.25));
                records.add(Fixtures.run("m4", "m4", size, f, 1, 0.5, 0.2));
            }
        }
        records.add(Fixtures.run("spop", "spop", 0, "1/4", 1, 0.3, 0.18));
        records.add(Fixtures.run("spop", "spop", 0, "1", 1, 0.27, 0.17));
        records.add(Fixtures.running("m2", 100, "1/64"));
        return SummaryTable.fromRecords("grid", records);
    }

    @Test
    void panelsHaveOneSeriesPerVariantAndDashedBaselines() {
        List<JFreeChart> panels = Figure4Chart.panels(grid());
        assertEquals(4, panels.size());
        for (JFreeChart panel : panels) {
            XYDataset variants = panel.getXYPlot().getDataset(0);
            assertEquals(List.of("m1", "m4"), names(variants));
            assertEquals(3, variants.getItemCount(0));
            assertEquals(List.of("spop (fraction 1)"), names(panel.getXYPlot().getDataset(1)));
        }
        assertEquals("Recall@20 — GRU 100", panels.get(0).getTitle().getText());
        assertEquals("MRR@20 — GRU 1000", panels.get(3).getTitle().getText());
        XYSeriesCollection spop = (XYSeriesCollection) panels.get(0).getXYPlot().getDataset(1);
        assertEquals(0.27, spop.getYValue(0, 0), 1e-12);
    }

    @Test
    void twoSeedsGiveMeanAndStandardDeviation() {
        Table table = SummaryTable.fromRecords("seeds", List.of(Fixtures.run("m1", "m1", 100, "1/4", 1, 0.6, 0.2),
                Fixtures.run("m1", "m1", 100, "1/4", 2, 0.7, 0.3)));
        JFreeChart panel = Figure4Chart.panel(table, "recall", 100);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) panel.getXYPlot().getDataset(0);
        double sd = Math.sqrt(0.005);
        assertEquals(0.65, data.getYValue(0, 0), 1e-12);
        assertEquals(0.65 - sd, data.getStartYValue(0, 0), 1e-12);
        assertEquals(0.65 + sd, data.getEndYValue(0, 0), 1e-12);
        assertEquals(-2, data.getXValue(0, 0), 1e-12);
        assertTrue(panel.getSubtitle(1).toString().length() > 0);
    }

    @Test
    void writesPngOfTheExpectedSizeAndSvg() throws IOException {
        assertTrue(Figure4Chart.write(grid(), dir));
        BufferedImage png = ImageIO.read(dir.resolve(Figure4Chart.PNG).toFile());
        assertEquals(Figure4Chart.WIDTH, png.getWidth());
        assertEquals(Figure4Chart.HEIGHT, png.getHeight());
        assertTrue(Files.readString(dir.resolve(Figure4Chart.SVG)).contains("<svg"));
    }

    @Test
    void dataFractionPlotsSharesOfTheFullTrainingSet() {
        Table table = SummaryTable.fromRecords("rsc15", List.of(Fixtures.run("m1", "m1", 100, "1/4", 1, 0.6, 0.2),
                Fixtures.run("m1", "m1", 100, "1", 1, 0.7, 0.3), Fixtures.run("pop", "pop", 0, "1", 1, 0.1, 0.05)));
        JFreeChart plain = Figure4Chart.panel(table, "recall", 100);
        JFreeChart panel = Figure4Chart.panel(table, "recall", 100, new Fraction(1, 64));
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) panel.getXYPlot().getDataset(0);
        // fraction 1/4 of files holding 1/64 is 1/256 of the full set, fraction 1 is 1/64
        assertEquals(-8, data.getXValue(0, 0), 1e-12);
        assertEquals(-6, data.getXValue(0, 1), 1e-12);
        assertEquals(-2, plain.getXYPlot().getDataset(0).getXValue(0, 0), 1e-12);
        assertEquals("fraction of the full training set (log2 scale; the data files hold 1/64)",
                panel.getXYPlot().getDomainAxis().getLabel());
        assertEquals("training fraction (log2 scale)", plain.getXYPlot().getDomainAxis().getLabel());
        NumberAxis x = (NumberAxis) panel.getXYPlot().getDomainAxis();
        assertEquals("1/256", x.getNumberFormatOverride().format(-8.0));
        assertEquals(-8.5, x.getLowerBound(), 1e-12);
        assertEquals(-5.5, x.getUpperBound(), 1e-12);
        assertEquals(List.of("pop (fraction 1/64)"), names(panel.getXYPlot().getDataset(1)));
    }

    @Test
    void tickLabelsAreFractions() {
        Log2FractionFormat format = new Log2FractionFormat();
        assertEquals("1/256", format.format(-8.0));
        assertEquals("1", format.format(0.0));
    }

    private static List<String> names(XYDataset dataset) {
        return IntStream.range(0, dataset.getSeriesCount()).mapToObj(i -> dataset.getSeriesKey(i).toString()).toList();
    }
}
