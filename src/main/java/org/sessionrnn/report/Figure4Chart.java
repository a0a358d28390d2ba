package org.sessionrnn.report;

import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.RunKey;
import org.sessionrnn.spec.Fraction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The reproduction of the paper's Figure 4: a grid with one row per metric (Recall@k, MRR@k) and one column per
 * GRU size present, x = training fraction on a log2 axis (the share of the full training set when the data files
 * hold only part of it, {@code protocol.data_fraction}), one line with markers per neural variant, and the
 * baselines (GRU size 0) as dashed horizontal reference lines at their value for fraction 1 (or, without it, at
 * their best fraction). With several seeds per point the mean is drawn with a ±1 standard deviation error bar.
 * Only done runs are drawn.
 */
public final class Figure4Chart {
    /** PNG file name. */
    public static final String PNG = "figure4.png";
    /** SVG file name. */
    public static final String SVG = "figure4.svg";
    /** Width of the whole figure in pixels. */
    public static final int WIDTH = 1200;
    /** Height of the whole figure in pixels. */
    public static final int HEIGHT = 900;

    private static final List<String> METRICS = List.of("recall", "mrr");
    private static final int HEADER = 40;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14), new Color(23, 190, 207)};

    private Figure4Chart() {
    }

    /** The GRU sizes with done neural runs, ascending: the figure's columns. */
    public static List<Integer> gruSizes(Table summary) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Row row : SummaryTable.done(summary)) {
            if (!SummaryTable.isBaseline(row.getInt("gru_size"))) {
                sizes.add(row.getInt("gru_size"));
            }
        }
        return List.copyOf(sizes);
    }

    /** The panels in row-major order: Recall for each GRU size, then MRR for each GRU size. */
    public static List<JFreeChart> panels(Table summary) {
        return panels(summary, Fraction.ONE);
    }

    /** {@link #panels(Table)} with fractions of files that hold {@code dataFraction} of the full data set. */
    public static List<JFreeChart> panels(Table summary, Fraction dataFraction) {
        List<Integer> sizes = gruSizes(summary);
        return METRICS.stream().flatMap(m -> sizes.stream().map(size -> panel(summary, m, size, dataFraction)))
                .toList();
    }

    /**
     * One panel: dataset 0 holds a {@link YIntervalSeries} per neural variant of {@code gruSize} (mean and ±sd
     * over seeds per fraction), dataset 1 an {@link XYSeries} per baseline (a horizontal line).
     */
    public static JFreeChart panel(Table summary, String metric, int gruSize) {
        return panel(summary, metric, gruSize, Fraction.ONE);
    }

    /**
     * {@link #panel(Table, String, int)} for data files that hold {@code dataFraction} of the full data set: x is
     * then the share of the full training set (fraction 1/4 of files holding 1/64 is drawn at 1/256), and the axis
     * title says so.
     */
    public static JFreeChart panel(Table summary, String metric, int gruSize, Fraction dataFraction) {
        Table done = SummaryTable.done(summary);
        SortedMap<RunKey, SeedGroups.Stats> stats = SeedGroups.of(done, metric);
        YIntervalSeriesCollection variants = variantSeries(stats, gruSize, dataFraction);
        String metricLabel = metricLabel(done, metric);
        NumberAxis x = fractionAxis(variants, dataFraction);
        XYPlot plot = new XYPlot(variants, x, new NumberAxis(metricLabel), errorRenderer(variants, done));
        plot.getRangeAxis().setAutoRangeMinimumSize(0.01);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setDataset(1, baselineSeries(stats, x.getLowerBound(), x.getUpperBound(), dataFraction));
        plot.setRenderer(1, baselineRenderer(plot.getDataset(1).getSeriesCount()));
        JFreeChart chart = new JFreeChart(metricLabel + " — GRU " + gruSize, Charts.TITLE, plot, true);
        long maxSeeds = stats.values().stream().mapToLong(SeedGroups.Stats::n).max().orElse(1);
        if (maxSeeds > 1) {
            chart.addSubtitle(new TextTitle("mean over up to " + maxSeeds + " seeds; error bars: ±1 standard deviation",
                    Charts.SUBTITLE));
        }
        return Charts.style(chart);
    }

    /** Writes {@link #PNG} and {@link #SVG} into {@code dir}; false (nothing written) without done neural runs. */
    public static boolean write(Table summary, Path dir) throws IOException {
        return write(summary, dir, Fraction.ONE);
    }

    /** {@link #write(Table, Path)} for data files that hold {@code dataFraction} of the full data set. */
    public static boolean write(Table summary, Path dir, Fraction dataFraction) throws IOException {
        List<JFreeChart> panels = panels(summary, dataFraction);
        if (panels.isEmpty()) {
            return false;
        }
        int columns = gruSizes(summary).size();
        String title = "Figure 4 reproduction: " + summary.name();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        draw(g2, title, panels, columns);
        g2.dispose();
        AtomicFiles.write(dir.resolve(PNG), Charts.png(image));
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        draw(svg, title, panels, columns);
        AtomicFiles.writeString(dir.resolve(SVG), svg.getSVGDocument());
        return true;
    }

    private static void draw(Graphics2D g2, String title, List<JFreeChart> panels, int columns) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setPaint(Color.WHITE);
        g2.fillRect(0, 0, WIDTH, HEIGHT);
        g2.setPaint(Color.BLACK);
        g2.setFont(Charts.TITLE);
        g2.drawString(title, 16, HEADER - 12);
        int rows = panels.size() / columns;
        double w = (double) WIDTH / columns;
        double h = (double) (HEIGHT - HEADER) / rows;
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g2, new Rectangle2D.Double(i % columns * w, HEADER + i / columns * h, w, h));
        }
    }

    private static YIntervalSeriesCollection variantSeries(SortedMap<RunKey, SeedGroups.Stats> stats, int gruSize,
                                                           Fraction dataFraction) {
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        stats.forEach((key, s) -> {
            if (key.gruSize() == gruSize) {
                series.computeIfAbsent(key.name(), YIntervalSeries::new)
                        .add(log2(key, dataFraction), s.mean(), s.mean() - s.sd(), s.mean() + s.sd());
            }
        });
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        series.values().forEach(dataset::addSeries);
        return dataset;
    }

    private static XYSeriesCollection baselineSeries(SortedMap<RunKey, SeedGroups.Stats> stats, double from,
                                                     double to, Fraction dataFraction) {
        Map<String, RunKey> chosen = new LinkedHashMap<>();
        Comparator<RunKey> preference = Comparator.comparing((RunKey k) -> k.fractionValue() == 1.0)
                .thenComparingDouble(k -> stats.get(k).mean());
        stats.keySet().stream().filter(k -> SummaryTable.isBaseline(k.gruSize()))
                .forEach(k -> chosen.merge(k.name(), k, (a, b) -> preference.compare(a, b) >= 0 ? a : b));
        XYSeriesCollection dataset = new XYSeriesCollection();
        chosen.values().forEach(k -> {
            XYSeries line = new XYSeries(k.name() + " (fraction " + k.fraction().of(dataFraction).label() + ")");
            line.add(from, stats.get(k).mean());
            line.add(to, stats.get(k).mean());
            dataset.addSeries(line);
        });
        return dataset;
    }

    private static NumberAxis fractionAxis(YIntervalSeriesCollection variants, Fraction dataFraction) {
        NumberAxis axis = new NumberAxis(axisTitle(dataFraction));
        Range bounds = DatasetUtils.findDomainBounds(variants);
        Range data = bounds == null ? new Range(0, 0) : bounds;
        axis.setRange(data.getLowerBound() - 0.5, data.getUpperBound() + 0.5);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new Log2FractionFormat());
        return axis;
    }

    /** Lines and markers with error bars; a variant keeps its colour across panels. */
    private static XYErrorRenderer errorRenderer(YIntervalSeriesCollection variants, Table done) {
        List<String> all = new TreeSet<>(done.stringColumn("variant").asList()).stream().toList();
        XYErrorRenderer renderer = new XYErrorRenderer();
        for (int i = 0; i < variants.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[all.indexOf(variants.getSeriesKey(i).toString()) % PALETTE.length]);
        }
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(8);
        renderer.setDefaultStroke(Charts.LINE);
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    private static XYLineAndShapeRenderer baselineRenderer(int count) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        Color[] greys = {Color.DARK_GRAY, Color.GRAY, new Color(120, 80, 40), new Color(40, 110, 110)};
        for (int i = 0; i < count; i++) {
            renderer.setSeriesStroke(i, Charts.DASHED);
            renderer.setSeriesPaint(i, greys[i % greys.length]);
        }
        return renderer;
    }

    private static String metricLabel(Table done, String metric) {
        String cutoffs = String.join("/", new TreeSet<>(done.intColumn("cutoff").asList()).stream()
                .map(String::valueOf).toList());
        return (metric.equals("mrr") ? "MRR" : "Recall") + "@" + (cutoffs.isEmpty() ? "k" : cutoffs);
    }

    /** The x-axis title: plain training fractions, or shares of the full training set when the files hold less. */
    static String axisTitle(Fraction dataFraction) {
        return dataFraction.equals(Fraction.ONE) ? "training fraction (log2 scale)"
                : "fraction of the full training set (log2 scale; the data files hold " + dataFraction.label() + ")";
    }

    /** Where a run is drawn: log2 of its share of the full training set. */
    private static double log2(RunKey key, Fraction dataFraction) {
        return Math.log(key.fraction().of(dataFraction).value()) / Math.log(2);
    }
}
