package org.sessionrnn.report;

import org.sessionrnn.io.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** CSV in and out of Tablesaw tables: written atomically, read with explicit column types (no guessing). */
public final class TableCsv {
    private TableCsv() {
    }

    /** Writes {@code table} as CSV with a header row to {@code file}, atomically. Missing values are empty. */
    public static void write(Table table, Path file) throws IOException {
        StringWriter out = new StringWriter();
        table.write().usingOptions(CsvWriteOptions.builder(out).build());
        AtomicFiles.writeString(file, out.toString());
    }

    /** Reads a CSV file whose columns get their types from {@code types} by column name. */
    public static Table read(Path file, Function<String, ColumnType> types) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), types);
        }
    }

    /** Reads CSV from a stream (e.g. a class-path resource) with column types given by column name. */
    public static Table read(InputStream in, String tableName, Function<String, ColumnType> types) {
        return Table.read().usingOptions(CsvReadOptions.builder(in).tableName(tableName).columnTypes(types)
                .missingValueIndicator("").build());
    }
}
