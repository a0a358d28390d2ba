package org.sessionrnn.results;

import org.sessionrnn.io.AtomicFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sessionrnn.io.ParserMessages;

/**
 * Reads and writes {@code run.json}: one flat object whose fields are those of {@code RunJson}, the layout every
 * version has written. A number not measured is written as JSON {@code null} (a count as 0), so the file stays
 * strict JSON; reading maps the flat fields back to a {@link RunRecord}: training facts for a done run, a test
 * evaluation where a Recall is recorded, a prediction latency where one was measured.
 */
public final class RunRecordIo {
    /** The file name of a run record inside its run folder. */
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(nanAsNull());

    private RunRecordIo() {
    }

    /** Writes {@code record} to {@code file} atomically, pretty printed. */
    public static void write(Path file, RunRecord record) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(RunJson.of(record)));
    }

    /**
     * Reads one run record. A malformed file, or one without the fields that identify a run, gives a
     * {@link ResultsFileException} whose one-line message names it; an unreadable one an {@link IOException}.
     */
    public static RunRecord read(Path file) throws IOException {
        RunJson record;
        try {
            record = MAPPER.readValue(file.toFile(), RunJson.class);
        } catch (JacksonException e) {
            throw new ResultsFileException("corrupt run record " + file + ": "
                    + ParserMessages.plain(e.getOriginalMessage(), "unreadable JSON"),
                    e);
        }
        if (record == null) {
            throw new ResultsFileException("corrupt run record " + file + ": empty (null)");
        }
        for (String[] field : new String[][] {{"runId", record.runId()}, {"variant", record.variant()},
                {"model", record.model()}, {"fraction", record.fraction()}, {"status", record.status()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new ResultsFileException("corrupt run record " + file + ": no '" + field[0] + "'");
            }
        }
        if (!RunKey.isFraction(record.fraction())) {
            throw new ResultsFileException("corrupt run record " + file + ": fraction '" + cut(record.fraction())
                    + "' is not like 1/256 or 1");
        }
        if (RunStatus.parse(record.status()).isEmpty()) {
            throw new ResultsFileException("corrupt run record " + file + ": status '" + cut(record.status())
                    + "' is not one of running, done, failed");
        }
        return record.toRecord();
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * Reads every {@code runs/<id>/run.json} under {@code experimentDir}, in the grid's order (variant, GRU size,
     * fraction from small to large, seed); none if no runs.
     */
    public static List<RunRecord> readAll(Path experimentDir) throws IOException {
        Path runs = experimentDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path file : dirs.map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile).toList()) {
                records.add(read(file));
            }
        }
        records.sort(Comparator.comparing(RunRecord::variant).thenComparingInt(RunRecord::gruSize)
                .thenComparingDouble(r -> RunKey.of(r).fractionValue())
                .thenComparingLong(RunRecord::seed).thenComparing(RunRecord::runId));
        return records;
    }


    private static SimpleModule nanAsNull() {
        SimpleModule module = new SimpleModule("nan-as-null");
        module.addSerializer(Double.TYPE, new NanAsNullSerializer());
        module.addDeserializer(Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN));
        return module;
    }

    /** Writes a primitive double, or {@code null} for NaN. */
    private static final class NanAsNullSerializer extends StdSerializer<Double> {
        NanAsNullSerializer() {
            super(Double.TYPE);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
