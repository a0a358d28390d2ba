package org.sessionrnn.report;

import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.RunKey;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSchema;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Our counterparts of the paper's Table 1 and Table 2, each written as CSV and as a Markdown table.
 *
 * <p>Table 1: the best done run of every variant and baseline, beside the paper's Table 1 value for that model
 * where one exists, with the relative improvement (ours - best baseline) / best baseline for recall and MRR, each
 * against the best baseline run present for that metric. Runs are chosen, and improvements computed, on the
 * conservative tie mode: a model that scores many items equally (Item-KNN on little data scores most items 0)
 * gets an optimistic standard rank, and a table of bests must not be won by ties. Both modes are shown.
 *
 * <p>Table 2: per variant and GRU size, parameters and batch prediction time in ms (mean ± sd over the runs'
 * {@code predict_ms_mean}; for a single run its own {@code predict_ms_sd}), the time relative to M1's at the same
 * GRU size, beside the paper's Table 2 (converted to ms).
 */
public final class PaperTables {
    /** Table 1 CSV file name. */
    public static final String TABLE1_CSV = "table1.csv";
    /** Table 1 Markdown file name. */
    public static final String TABLE1_MD = "table1.md";
    /** Table 2 CSV file name. */
    public static final String TABLE2_CSV = "table2.csv";
    /** Table 2 Markdown file name. */
    public static final String TABLE2_MD = "table2.md";

    private PaperTables() {
    }

    /** Writes the four table files into {@code dir}. */
    public static void write(Table summary, Path dir) throws IOException {
        write(summary, dir, Fraction.ONE);
    }

    /**
     * Writes the four table files into {@code dir} for data files that hold {@code dataFraction} of the full data
     * set: Table 1 then also gives each run's share of the full training set (see {@link #withFullFractions}).
     */
    public static void write(Table summary, Path dir, Fraction dataFraction) throws IOException {
        Table t1 = withFullFractions(table1(summary), dataFraction);
        TableCsv.write(t1, dir.resolve(TABLE1_CSV));
        AtomicFiles.writeString(dir.resolve(TABLE1_MD), table1Markdown(t1, dataFraction));
        Table t2 = table2(summary);
        TableCsv.write(t2, dir.resolve(TABLE2_CSV));
        AtomicFiles.writeString(dir.resolve(TABLE2_MD), table2Markdown(t2));
    }

    /** Table 1: one row per variant, baselines first; see the class comment. */
    public static Table table1(Table summary) {
        List<Row> best = bestRuns(SummaryTable.done(summary));
        double bestRecall = bestBaseline(best, r -> r.getDouble("recall_conservative"));
        double bestMrr = bestBaseline(best, r -> r.getDouble("mrr_conservative"));
        List<PaperResults.PaperValue> paper = PaperResults.values(PaperResults.TABLE1);
        Table t = Table.create("table1", StringColumn.create("variant"), StringColumn.create("model"),
                IntColumn.create("gru_size"), StringColumn.create("fraction"), LongColumn.create("seed"),
                DoubleColumn.create("recall"), DoubleColumn.create("mrr"), DoubleColumn.create("recall_conservative"),
                DoubleColumn.create("mrr_conservative"), StringColumn.create("paper_model"),
                IntColumn.create("paper_gru_size"), DoubleColumn.create("paper_recall"),
                DoubleColumn.create("paper_mrr"), DoubleColumn.create("recall_vs_best_baseline"),
                DoubleColumn.create("mrr_vs_best_baseline"));
        for (Row r : best) {
            String model = r.getString("model");
            Optional<PaperResults.PaperValue> recall = paperValue(paper, model, "recall");
            t.stringColumn("variant").append(r.getString("variant"));
            t.stringColumn("model").append(model);
            t.intColumn("gru_size").append(r.getInt("gru_size"));
            t.stringColumn("fraction").append(r.getString("fraction"));
            t.longColumn("seed").append(r.getLong("seed"));
            t.doubleColumn("recall").append(r.getDouble("recall"));
            t.doubleColumn("mrr").append(r.getDouble("mrr"));
            t.doubleColumn("recall_conservative").append(r.getDouble("recall_conservative"));
            t.doubleColumn("mrr_conservative").append(r.getDouble("mrr_conservative"));
            t.stringColumn("paper_model").append(recall.map(PaperResults.PaperValue::paperLabel).orElse(""));
            t.intColumn("paper_gru_size").append(recall.map(PaperResults.PaperValue::gruSize).orElse(0));
            t.doubleColumn("paper_recall").append(recall.map(PaperResults.PaperValue::value).orElse(Double.NaN));
            t.doubleColumn("paper_mrr").append(paperValue(paper, model, "mrr").map(PaperResults.PaperValue::value)
                    .orElse(Double.NaN));
            t.doubleColumn("recall_vs_best_baseline").append(relative(r.getDouble("recall_conservative"), bestRecall));
            t.doubleColumn("mrr_vs_best_baseline").append(relative(r.getDouble("mrr_conservative"), bestMrr));
        }
        return t;
    }

    /** Table 2: one row per neural variant and GRU size; see the class comment. */
    public static Table table2(Table summary) {
        Map<RunKey, List<Row>> groups = neuralGroups(SummaryTable.done(summary));
        List<PaperResults.PaperValue> paper = PaperResults.values(PaperResults.TABLE2);
        Table t = Table.create("table2", StringColumn.create("variant"), StringColumn.create("model"),
                IntColumn.create("gru_size"), IntColumn.create("runs"), LongColumn.create("params"),
                DoubleColumn.create("predict_ms"), DoubleColumn.create("predict_ms_sd"),
                DoubleColumn.create("time_vs_m1"), LongColumn.create("paper_params"),
                DoubleColumn.create("paper_predict_ms"), DoubleColumn.create("paper_predict_ms_sd"),
                DoubleColumn.create("paper_time_vs_m1"));
        groups.forEach((key, rows) -> {
            String model = rows.get(0).getString("model");
            SummaryStatistics time = predictTimes(rows);
            double sd = rows.size() == 1 ? rows.get(0).getDouble("predict_ms_sd") : time.getStandardDeviation();
            double paperMs = paperTable2(paper, model, key.gruSize(), "predict_ms_mean");
            t.stringColumn("variant").append(key.name());
            t.stringColumn("model").append(model);
            t.intColumn("gru_size").append(key.gruSize());
            t.intColumn("runs").append(rows.size());
            t.longColumn("params").append(rows.get(0).getLong("params"));
            t.doubleColumn("predict_ms").append(time.getMean());
            t.doubleColumn("predict_ms_sd").append(sd);
            t.doubleColumn("time_vs_m1").append(time.getMean() / referenceTime(groups, key.gruSize()));
            t.longColumn("paper_params").append((long) paperTable2(paper, model, key.gruSize(), "params"));
            t.doubleColumn("paper_predict_ms").append(paperMs);
            t.doubleColumn("paper_predict_ms_sd").append(paper.stream().filter(v -> matches(v, model, key.gruSize(),
                    "predict_ms_mean")).mapToDouble(PaperResults.PaperValue::sd).findFirst().orElse(Double.NaN));
            t.doubleColumn("paper_time_vs_m1").append(paperMs
                    / paperTable2(paper, timeReference(), key.gruSize(), "predict_ms_mean"));
        });
        return t;
    }

    /**
     * Table 1 with a {@code fraction_of_full} column after {@code fraction}, the share of the full training set
     * each run trained on, when the data files hold {@code dataFraction} of it; unchanged for the full data set.
     */
    public static Table withFullFractions(Table t1, Fraction dataFraction) {
        if (dataFraction.equals(Fraction.ONE)) {
            return t1;
        }
        StringColumn full = StringColumn.create("fraction_of_full");
        t1.stringColumn("fraction").forEach(f -> full.append(Fraction.parse(f).of(dataFraction).label()));
        Table t = t1.copy();
        t.insertColumn(t.columnIndex("fraction") + 1, full);
        return t;
    }

    /** Table 1 as Markdown. */
    public static String table1Markdown(Table t1) {
        return table1Markdown(t1, Fraction.ONE);
    }

    /** Table 1 as Markdown; fractions of data files holding part of the full set show their share of it too. */
    public static String table1Markdown(Table t1, Fraction dataFraction) {
        AlignedTable md = new AlignedTable(List.of("Variant", "Model", "GRU", "Fraction", "Recall@k", "MRR@k",
                "Recall@k (cons.)", "MRR@k (cons.)", "Paper model (GRU)", "Paper Recall@20", "Paper MRR@20", "Recall vs best baseline",
                "MRR vs best baseline"));
        for (Row r : t1) {
            md.add(List.of(r.getString("variant"), r.getString("model"), gru(r.getInt("gru_size")),
                    fractionCell(r, dataFraction), Format.fixed(r.getDouble("recall"), 4),
                    Format.fixed(r.getDouble("mrr"), 4),
                    Format.fixed(r.getDouble("recall_conservative"), 4), Format.fixed(r.getDouble("mrr_conservative"), 4),
                    paperModel(r), Format.fixed(r.getDouble("paper_recall"), 4),
                    Format.fixed(r.getDouble("paper_mrr"), 4), Format.percent(r.getDouble("recall_vs_best_baseline")),
                    Format.percent(r.getDouble("mrr_vs_best_baseline"))));
        }
        return "# Table 1: best run of each variant (by Recall, conservative ties)\n\n" + md.markdown()
                + "\nRuns are chosen, and improvements computed, on the conservative tie mode (items scoring as high as"
                + " the target rank ahead of it), so that a model scoring many items equally cannot win by ties; the"
                + " standard mode (GRU4Rec's) is shown too. Improvements are relative to the best baseline run present,"
                + " per metric. The paper does not say which training fraction its Table 1 models used.\n"
                + (dataFraction.equals(Fraction.ONE) ? "" : "\nFractions are of the data files, which hold "
                + dataFraction.label() + " of the full training set; the share of the full set is in brackets.\n");
    }

    private static String fractionCell(Row r, Fraction dataFraction) {
        return dataFraction.equals(Fraction.ONE) ? r.getString("fraction")
                : r.getString("fraction") + " (" + Fraction.parse(r.getString("fraction")).of(dataFraction).label() + ")";
    }

    /** Table 2 as Markdown. */
    public static String table2Markdown(Table t2) {
        AlignedTable md = new AlignedTable(List.of("Variant", "Model", "GRU", "Runs", "Parameters",
                "Batch prediction (ms)", "vs M1", "Paper parameters", "Paper batch prediction (ms)", "Paper vs M1"));
        for (Row r : t2) {
            md.add(List.of(r.getString("variant"), r.getString("model"), gru(r.getInt("gru_size")),
                    Integer.toString(r.getInt("runs")), Format.count(r.getLong("params")),
                    Format.meanSd(r.getDouble("predict_ms"), r.getDouble("predict_ms_sd"), 2),
                    Format.fixed(r.getDouble("time_vs_m1"), 3), Format.count(r.getLong("paper_params")),
                    Format.meanSd(r.getDouble("paper_predict_ms"), r.getDouble("paper_predict_ms_sd"), 0),
                    Format.fixed(r.getDouble("paper_time_vs_m1"), 3)));
        }
        return "# Table 2: batch prediction time and parameters\n\n" + md.markdown()
                + "\nTime per batch of test prefixes including top-k over all items: mean ± sd over runs, or the run's"
                + " own sd when there is one run. The paper's times were published in seconds.\n";
    }

    /** The best row of each variant (see {@link #best}), baselines first, then by variant. */
    static List<Row> bestRuns(Table done) {
        List<Row> rows = new ArrayList<>();
        new TreeSet<>(done.stringColumn("variant").asList()).forEach(v ->
                best(done.where(done.stringColumn("variant").isEqualTo(v))).ifPresent(rows::add));
        rows.sort(Comparator.comparing((Row r) -> !SummaryTable.isBaseline(r.getInt("gru_size"))));
        return rows;
    }

    /** The row with the highest conservative recall (ties: higher conservative MRR), if any. */
    static Optional<Row> best(Table rows) {
        Comparator<Integer> byRecall = Comparator
                .<Integer>comparingDouble(i -> rows.doubleColumn("recall_conservative").get(i))
                .thenComparingDouble(i -> rows.doubleColumn("mrr_conservative").get(i));
        return IntStream.range(0, rows.rowCount()).boxed()
                .filter(i -> !rows.doubleColumn("recall_conservative").isMissing(i))
                .max(byRecall).map(rows::row);
    }

    private static double bestBaseline(List<Row> best, ToDoubleFunction<Row> metric) {
        return best.stream().filter(r -> SummaryTable.isBaseline(r.getInt("gru_size"))).mapToDouble(metric).max()
                .orElse(Double.NaN);
    }

    private static double relative(double ours, double baseline) {
        return (ours - baseline) / baseline;
    }

    private static Optional<PaperResults.PaperValue> paperValue(List<PaperResults.PaperValue> paper, String model,
                                                                String metric) {
        return paper.stream().filter(v -> v.model().equals(model) && v.metric().equals(metric)).findFirst();
    }

    private static boolean matches(PaperResults.PaperValue v, String model, int gruSize, String metric) {
        return v.model().equals(model) && v.gruSize() == gruSize && v.metric().equals(metric);
    }

    private static double paperTable2(List<PaperResults.PaperValue> paper, String model, int gruSize,
                                      String metric) {
        return paper.stream().filter(v -> matches(v, model, gruSize, metric))
                .mapToDouble(PaperResults.PaperValue::value).findFirst().orElse(Double.NaN);
    }

    private static Map<RunKey, List<Row>> neuralGroups(Table done) {
        Map<RunKey, List<Row>> groups = new TreeMap<>();
        for (Row r : done) {
            if (!SummaryTable.isBaseline(r.getInt("gru_size"))) {
                groups.computeIfAbsent(RunKey.anyFraction(r.getString("variant"), r.getInt("gru_size")),
                        k -> new ArrayList<>()).add(done.row(r.getRowNumber()));
            }
        }
        return groups;
    }

    private static SummaryStatistics predictTimes(List<Row> rows) {
        SummaryStatistics stats = new SummaryStatistics();
        rows.stream().mapToDouble(r -> r.getDouble("predict_ms_mean")).filter(v -> !Double.isNaN(v))
                .forEach(stats::addValue);
        return stats;
    }

    private static double referenceTime(Map<RunKey, List<Row>> groups, int gruSize) {
        String reference = timeReference();
        List<Row> rows = groups.entrySet().stream().filter(e -> e.getKey().gruSize() == gruSize)
                .flatMap(e -> e.getValue().stream()).filter(r -> r.getString("model").equals(reference)).toList();
        return rows.isEmpty() ? Double.NaN : predictTimes(rows).getMean();
    }

    /** The kind every prediction time is compared with (M1), as the model kinds declare it. */
    private static String timeReference() {
        return ModelCatalogue.all().stream().filter(ModelSchema::predictionTimeReference).map(ModelSchema::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("no model kind is the prediction time reference"));
    }

    private static String paperModel(Row r) {
        String label = r.getString("paper_model");
        return label.isEmpty() ? Format.MISSING : label + " (" + gru(r.getInt("paper_gru_size")) + ")";
    }

    private static String gru(int size) {
        return SummaryTable.isBaseline(size) ? "-" : Integer.toString(size);
    }
}
