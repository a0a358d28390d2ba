package org.sessionrnn.report;

import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's learning curve, {@code learning_curve.png} in its run folder: training loss per epoch on the left axis,
 * validation Recall@k on the right axis, and a marker at the epoch whose weights were kept.
 */
public final class LearningCurveChart {
    /** File name inside the run folder. */
    public static final String PNG = "learning_curve.png";
    /** Image width in pixels. */
    public static final int WIDTH = 800;
    /** Image height in pixels. */
    public static final int HEIGHT = 500;

    private LearningCurveChart() {
    }

    /** The chart: dataset 0 is the loss (range axis 0), dataset 1 the validation recall (range axis 1). */
    public static JFreeChart build(RunRecord run) {
        XYSeries loss = new XYSeries("training loss");
        XYSeries recall = new XYSeries("validation Recall@" + run.cutoff());
        for (EpochRecord e : run.history()) {
            loss.add(e.epoch(), e.loss());
            recall.add(e.epoch(), e.validationRecall());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis lossAxis = new NumberAxis("training loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), epochs, lossAxis, renderer(Color.RED.darker()));
        NumberAxis recallAxis = new NumberAxis("validation Recall@" + run.cutoff());
        recallAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, recallAxis);
        plot.setDataset(1, new XYSeriesCollection(recall));
        plot.setRenderer(1, renderer(Color.BLUE.darker()));
        plot.mapDatasetToRangeAxis(1, 1);
        if (run.bestEpoch() > 0) {
            plot.addDomainMarker(new ValueMarker(run.bestEpoch(), Color.GRAY, Charts.DOTTED));
        }
        return Charts.style(new JFreeChart(run.runId(), Charts.TITLE, plot, true));
    }

    /** Writes {@link #PNG} into {@code runDir}; false (nothing written) for a run without epochs. */
    public static boolean write(RunRecord run, Path runDir) throws IOException {
        if (run.history().isEmpty()) {
            return false;
        }
        AtomicFiles.write(runDir.resolve(PNG), Charts.png(build(run), WIDTH, HEIGHT));
        return true;
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, Charts.LINE);
        return renderer;
    }
}
