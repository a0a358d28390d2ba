package org.sessionrnn.report;

import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunKey;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.runner.CheckpointedTraining;
import org.sessionrnn.io.FileSniffer;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One row per run: the Tablesaw view of run records and the layout of {@code summary.csv}. Column order is fixed
 * (the first eighteen are the documented contract, the rest are extras); {@code fraction} stays a string such as
 * "1/256". Metrics of unfinished runs are missing (NaN, written empty).
 */
public final class SummaryTable {
    /** The file name of the summary inside an experiment folder. */
    public static final String FILE_NAME = "summary.csv";

    private static final List<Col> COLUMNS = List.of(
            new Col("experiment", ColumnType.STRING, RunRecord::experiment),
            new Col("run_id", ColumnType.STRING, RunRecord::runId),
            new Col("variant", ColumnType.STRING, RunRecord::variant),
            new Col("gru_size", ColumnType.INTEGER, RunRecord::gruSize),
            new Col("fraction", ColumnType.STRING, RunRecord::fraction),
            new Col("seed", ColumnType.LONG, RunRecord::seed),
            new Col("status", ColumnType.STRING, r -> r.status().text()),
            new Col("recall", ColumnType.DOUBLE, RunRecord::recall),
            new Col("mrr", ColumnType.DOUBLE, RunRecord::mrr),
            new Col("recall_conservative", ColumnType.DOUBLE, RunRecord::recallConservative),
            new Col("mrr_conservative", ColumnType.DOUBLE, RunRecord::mrrConservative),
            new Col("cutoff", ColumnType.INTEGER, RunRecord::cutoff),
            new Col("items", ColumnType.INTEGER, RunRecord::items),
            new Col("train_sequences", ColumnType.LONG, RunRecord::trainSequences),
            new Col("test_sequences", ColumnType.LONG, RunRecord::testSequences),
            new Col("epochs", ColumnType.INTEGER, RunRecord::epochs),
            new Col("train_seconds", ColumnType.DOUBLE, RunRecord::trainSeconds),
            new Col("params", ColumnType.LONG, RunRecord::params),
            new Col("model", ColumnType.STRING, RunRecord::model),
            new Col("validation_sequences", ColumnType.LONG, RunRecord::validationSequences),
            new Col("best_epoch", ColumnType.INTEGER, RunRecord::bestEpoch),
            new Col("eval_seconds", ColumnType.DOUBLE, RunRecord::evalSeconds),
            new Col("predict_ms_mean", ColumnType.DOUBLE, RunRecord::predictMsMean),
            new Col("predict_ms_sd", ColumnType.DOUBLE, RunRecord::predictMsSd),
            new Col("failure", ColumnType.STRING, RunRecord::failure),
            new Col("refit_epochs", ColumnType.INTEGER, SummaryTable::refitEpochs));

    /** The columns that identify a run; a summary without them cannot be compared or reported. */
    private static final List<String> KEY_COLUMNS = List.of("run_id", "variant", "model", "gru_size", "fraction",
            "seed", "status");

    private SummaryTable() {
    }

    /** The column names in file order. */
    public static List<String> columnNames() {
        return COLUMNS.stream().map(Col::name).toList();
    }

    /** A table with one row per record, in the given order. */
    public static Table fromRecords(String name, List<RunRecord> records) {
        Table table = Table.create(name);
        for (Col col : COLUMNS) {
            Column<?> column = col.type().create(col.name());
            records.forEach(r -> column.appendObj(col.value().apply(r)));
            table.addColumns(column);
        }
        return table;
    }

    /** Writes {@code table} as {@code file}, atomically. */
    public static void write(Table table, Path file) throws IOException {
        TableCsv.write(table, file);
    }

    /**
     * Reads a summary.csv back with the column types it was written with. A file that is not text, cannot be
     * parsed, lacks a column that identifies a run or holds a fraction that is not one raises a
     * {@link ResultsFileException} naming the file.
     */
    public static Table read(Path file) throws IOException {
        Optional<String> notText = FileSniffer.problem(file);
        if (notText.isPresent()) {
            throw new ResultsFileException(file + ": " + notText.get());
        }
        if (isBlank(file)) {
            throw new ResultsFileException(file + ": is empty, not a summary CSV (expected the columns of "
                    + FILE_NAME + ": " + String.join(",", columnNames().subList(0, 8)) + ",...)");
        }
        Table table;
        try {
            table = TableCsv.read(file, SummaryTable::typeOf);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().strip().lines().findFirst().orElse("");
            throw new ResultsFileException(file + ": not a readable summary CSV (" + why + ")", e);
        }
        for (String column : KEY_COLUMNS) {
            if (!table.columnNames().contains(column)) {
                throw new ResultsFileException(file + ": not a summary CSV: no column '" + column + "'"
                        + (table.columnCount() == 0 ? " (the file is empty)" : "") + "; expected the columns of "
                        + FILE_NAME + " (" + String.join(",", columnNames().subList(0, 8)) + ",...)");
            }
        }
        Column<?> fractions = table.column("fraction");
        for (int i = 0; i < table.rowCount(); i++) {
            if (!RunKey.isFraction(fractions.getString(i))) {
                throw new ResultsFileException(file + ": row " + (i + 1) + ": fraction '" + fractions.getString(i)
                        + "' is not a fraction like 1/256 or 1");
            }
        }
        return table;
    }

    /** Only white space (bytes), read as a stream so that no file is held in memory. */
    private static boolean isBlank(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Only the rows whose status is done. */
    public static Table done(Table summary) {
        return summary.where(summary.stringColumn("status").isEqualTo(RunStatus.DONE.text()));
    }

    /** True for a baseline row (pop, spop, itemknn), recognised by GRU size 0. */
    public static boolean isBaseline(int gruSize) {
        return gruSize == 0;
    }

    /** The epochs a refit trained, or null (missing) for a run that was not refit. */
    private static Integer refitEpochs(RunRecord r) {
        String epochs = r.provenance().get(CheckpointedTraining.REFIT_EPOCHS);
        return epochs == null ? null : Integer.valueOf(epochs);
    }

    private static ColumnType typeOf(String column) {
        return COLUMNS.stream().filter(c -> c.name().equals(column)).map(Col::type).findFirst()
                .orElse(ColumnType.STRING);
    }

    private record Col(String name, ColumnType type, Function<RunRecord, Object> value) {
    }
}
