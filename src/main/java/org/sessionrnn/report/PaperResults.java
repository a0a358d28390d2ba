package org.sessionrnn.report;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's published numbers, shipped as {@code paper-results.csv} next to this class: Table 1 (Recall@20 and
 * MRR@20 of the best models and the GRU4Rec baselines), Table 2 (batch prediction time, converted from seconds
 * to milliseconds, and parameters; the paper's single "M1 - M3" row is repeated for m1, m2 and m3) and the dataset
 * counts of section 4. One value per row: {@code kind,model,paper_label,gru_size,fraction,metric,value,sd,note}.
 * Metric names are those of {@code summary.csv} where one exists; the fraction is always empty because the paper
 * does not say which fraction its Table 1 models were trained on. Figure 4 is not published as numbers.
 */
public final class PaperResults {
    /** Kind of a Table 1 row. */
    public static final String TABLE1 = "table1";
    /** Kind of a Table 2 row. */
    public static final String TABLE2 = "table2";
    /** Kind of a dataset-count row. */
    public static final String DATASET = "dataset";

    private static final String RESOURCE = "paper-results.csv";
    private static final Map<String, ColumnType> TYPES = Map.of("gru_size", ColumnType.INTEGER,
            "value", ColumnType.DOUBLE, "sd", ColumnType.DOUBLE);

    private PaperResults() {
    }

    /**
     * One published value.
     *
     * @param kind       table1, table2 or dataset
     * @param model      our model name (m1..m4, spop, itemknn) or the GRU4Rec loss (gru4rec-top1, gru4rec-bpr)
     * @param paperLabel the model as the paper names it
     * @param gruSize    GRU size, 0 for non-neural baselines and dataset counts
     * @param metric     a summary.csv column name (recall, mrr, predict_ms_mean, params, items, ...)
     * @param value      the published value
     * @param sd         the published standard deviation, NaN if none
     * @param note       where it comes from
     */
    public record PaperValue(String kind, String model, String paperLabel, int gruSize, String metric, double value,
                             double sd, String note) {
    }

    /** The shipped CSV as a table (fraction and text columns as strings). */
    public static Table table() {
        try (InputStream in = PaperResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return TableCsv.read(in, "paper", c -> TYPES.getOrDefault(c, ColumnType.STRING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if {@code table} has the layout of {@link #table()} rather than of a summary. */
    public static boolean isPaperTable(Table table) {
        return table.columnNames().contains("kind");
    }

    /** Every published value of the given kind, in file order. */
    public static List<PaperValue> values(String kind) {
        return values(table()).stream().filter(v -> v.kind().equals(kind)).toList();
    }

    /** The rows of a table in the layout of {@link #table()} as values. */
    public static List<PaperValue> values(Table paper) {
        List<PaperValue> values = new ArrayList<>();
        for (Row r : paper) {
            values.add(new PaperValue(r.getString("kind"), r.getString("model"), r.getString("paper_label"),
                    r.isMissing("gru_size") ? 0 : r.getInt("gru_size"), r.getString("metric"), r.getDouble("value"),
                    r.getDouble("sd"), r.getString("note")));
        }
        return values;
    }
}
