package org.sessionrnn.tune;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.report.Charts;

/**
 * {@code trials.png}: validation Recall@k of every trial (x: trial number), one series of points per rung, so the
 * trials a rung kept stand out as the points of the next; a dotted line marks the winner.
 */
final class TrialsChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private TrialsChart() {
    }

    static void write(List<TrialOutcome> outcomes, List<Integer> budgets, int cutoff, Path file) throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (int r = 0; r < budgets.size(); r++) {
            int budget = budgets.get(r);
            XYSeries rung = new XYSeries("rung " + (r + 1) + " (" + budget + (budget == 1 ? " epoch)" : " epochs)"));
            for (TrialOutcome o : outcomes) {
                int at = r;
                o.rungs().stream().filter(x -> x.rung() == at && x.ok())
                        .forEach(x -> rung.add(o.trial().number(), x.recall()));
            }
            series.addSeries(rung);
        }
        NumberAxis trials = new NumberAxis("trial");
        trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        trials.setRange(0.5, outcomes.size() + 0.5);
        NumberAxis recall = new NumberAxis("validation Recall@" + cutoff);
        recall.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(series, trials, recall, points);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later rungs on top of earlier ones
        outcomes.stream().filter(o -> o.status().equals("best")).forEach(o -> plot.addDomainMarker(
                new ValueMarker(o.trial().number(), Color.GRAY, Charts.DOTTED)));
        JFreeChart chart = Charts.style(new JFreeChart("Validation Recall@" + cutoff + " of every trial",
                Charts.TITLE, plot, true));
        AtomicFiles.write(file, Charts.png(chart, WIDTH, HEIGHT));
    }
}
