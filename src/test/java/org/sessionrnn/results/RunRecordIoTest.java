package org.sessionrnn.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRecordIoTest {
    @TempDir
    Path dir;

    @Test
    void nanRoundTripsAsNull() throws IOException {
        RunRecord running = Fixtures.running("m1", 100, "1/256");
        Path file = dir.resolve("run.json");
        RunRecordIo.write(file, running);
        String json = Files.readString(file);
        assertTrue(json.contains("\"recall\" : null"), json);
        assertEquals(running, RunRecordIo.read(file));
    }

    @Test
    void doneRecordRoundTrips() throws IOException {
        RunRecord done = Fixtures.run("m1", "m1", 100, "1/4", 7, 0.6, 0.25);
        Path file = dir.resolve("run.json");
        RunRecordIo.write(file, done);
        assertEquals(done, RunRecordIo.read(file));
    }

    @Test
    void readAllSortsByRunId() throws IOException {
        RunRecord b = Fixtures.run("m4", "m4", 100, "1", 1, 0.5, 0.2);
        RunRecord a = Fixtures.run("m1", "m1", 100, "1", 1, 0.6, 0.25);
        RunRecordIo.write(dir.resolve("runs/z/run.json"), a);
        RunRecordIo.write(dir.resolve("runs/a/run.json"), b);
        assertEquals(List.of(a, b), RunRecordIo.readAll(dir));
    }

    @Test
    void corruptFileIsNamedOnOneLine() throws IOException {
        Path file = dir.resolve("runs/x/run.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"runId\": ");
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> RunRecordIo.readAll(dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
