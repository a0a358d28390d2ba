package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.cli.Main;
import org.sessionrnn.export.TinyModels;

/** The export, recommend and serve commands: bad input exits 2 with one line; serve stops cleanly on SIGTERM. */
class ServingCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.execute(args, o, e);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static void assertInputError(Run r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "stack trace: " + r.err());
    }

    /** export's own --version must not hide its --help (picocli's standard -V/--version would clash with it). */
    @Test
    void eachServingCommandShowsItsHelp() {
        for (String command : new String[]{"export", "recommend", "serve"}) {
            Run r = cli(command, "--help");
            assertEquals(0, r.code(), command + ": " + r.out() + r.err());
            assertTrue(r.out().startsWith("Usage: runner.jar " + command), command + ": " + r.out());
        }
        assertTrue(cli("export", "--help").out().contains("--version=<version>"));
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo() throws Exception {
        TinyModels tiny = TinyModels.get();
        Path export = tiny.exported(TinyModels.M1, 20);
        assertInputError(cli("export", tmp.toString(), "--to", tmp.resolve("x").toString()), "not a run folder");
        assertFalse(Files.exists(tmp.resolve("x")));
        assertInputError(cli("export", tiny.runDir(TinyModels.M1).toString(), "--to", export.toString()),
                "already exists");
        assertInputError(cli("export", tiny.runDir(TinyModels.M1).toString(), "--to", tmp.resolve("y").toString(),
                "--top", "100000"), "exceeds the catalogue");
        assertInputError(cli("recommend", tmp.resolve("missing").toString()), "no such folder");
        assertInputError(cli("recommend", tmp.toString()), "not an export folder");
        assertInputError(cli("recommend", export.toString(), "-k", "0"), "-k must be between 1 and 20");
        assertInputError(cli("recommend", export.toString(), "--format", "xml"), "--format must be csv or jsonl");
        assertInputError(cli("recommend", export.toString(), "-i", tmp.resolve("none.txt").toString()), "no such file");
        assertInputError(cli("serve", export.toString(), "--port", "70000"), "--port must be between");
        assertInputError(cli("serve", export.toString(), "--name", "a/b"), "--name must be");
        assertInputError(cli("serve", export.toString(), "--host", "no-such-host.invalid", "--port", "0"),
                "--host no-such-host.invalid: unknown host");
        assertInputError(cli("serve", export.toString(), "--host", "999.1.1.1", "--port", "0"), "--host 999.1.1.1");
    }

    /** A damaged checkpoint or a file as the export folder: refused naming it, before any folder is created. */
    @Test
    void aRefusedExportWritesNothing() throws Exception {
        Path from = TinyModels.get().runDir(TinyModels.M1);
        Path run = tmp.resolve("tiny/runs").resolve(TinyModels.M1);
        Files.createDirectories(run.getParent());
        Files.copy(from.resolve("../../spec.yaml"), tmp.resolve("tiny/spec.yaml"));
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, run.resolve(from.relativize(p).toString()));
            }
        }
        Path data = run.resolve("checkpoints/best.data-00000-of-00001");
        Files.write(data, java.util.Arrays.copyOf(Files.readAllBytes(data), 100));
        Run damaged = cli("export", run.toString(), "--to", tmp.resolve("new/exports").toString(), "--top", "5");
        assertInputError(damaged, "checkpoints/best: not a readable checkpoint");
        assertEquals(1, damaged.err().lines().filter(l -> l.startsWith("error: ")).count(), damaged.err());
        assertFalse(Files.exists(tmp.resolve("new")), "no export folder left behind");
        Files.writeString(tmp.resolve("file"), "x");
        assertInputError(cli("export", TinyModels.get().runDir(TinyModels.M1).toString(), "--to",
                tmp.resolve("file").toString(), "--top", "5"), "file is a file, not a folder");
        assertEquals("x", Files.readString(tmp.resolve("file")));
    }

    @Test
    void serveAnswersThenStopsCleanlyOnSigterm() throws Exception {
        Path export = TinyModels.get().exported(TinyModels.M1, 20);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", export.toString(), "--port", "0", "--name", "tiny");
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("Serving tiny (m1, version 1"), String.valueOf(line));
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
            assertTrue(m.find(), line);
            HttpTestClient client = new HttpTestClient(Integer.parseInt(m.group(1)));
            assertEquals(200, client.get("/healthz").status());
            assertEquals(200, client.post("/v1/models/tiny:predict", "{\"instances\": [[1, 2]]}").status());
            // SIGTERM runs the same shutdown hook as Ctrl-C (Process.destroy would also close our end of stdout)
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop");
            assertEquals("Stopping: answering queued requests", out.readLine());
        } finally {
            p.destroyForcibly();
        }
    }
}
