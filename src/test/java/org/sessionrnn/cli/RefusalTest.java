package org.sessionrnn.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic mistakes a user makes with specs, flags, data and results files, each through the command line in a
 * folder of its own: exit code 2, one {@code error:} line (at most three lines in all) that names the culprit
 * (file and line, key, flag or file), no stack trace, no raw control characters, and not a single file created,
 * changed or removed anywhere in the folder, the output folder's parents included.
 */
class RefusalTest {
    /** Three training sessions over two days, one test session on the last day: a spec over it would run. */
    static final String CLICKS = """
            1,2014-04-01T10:00:00.000Z,11,0
            1,2014-04-01T10:01:00.000Z,12,0
            2,2014-04-01T11:00:00.000Z,12,0
            2,2014-04-01T11:02:30.500Z,13,0
            4,2014-04-02T08:00:00.000Z,11,0
            4,2014-04-02T08:00:30.000Z,13,0
            3,2014-04-03T09:00:00.000Z,11,0
            3,2014-04-03T09:00:10.000Z,13,0
            """;
    static final String HEADER = "experiment,run_id,variant,gru_size,fraction,seed,status,recall,mrr,"
            + "recall_conservative,mrr_conservative,cutoff,items,train_sequences,test_sequences,epochs,train_seconds,"
            + "params,model,validation_sequences,best_epoch,eval_seconds,predict_ms_mean,predict_ms_sd,failure\n";
    static final String ROW = "e,m1-gru100-f1-s1,m1,100,1,1,done,0.62,0.30,0.62,0.30,20,10,100,50,3,1.0,"
            + "1000,m1,10,3,0.1,1.0,0.1,\n";

    @TempDir
    Path dir;

    /**
     * One mistake.
     *
     * @param name     what the user did
     * @param files    files to create (relative path to content); folders end in '/'
     * @param args     the command line; an argument naming a file of the case is relative to its folder
     * @param expected fragments the error line must contain
     */
    record Case(String name, Map<String, byte[]> files, List<String> args, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds a case: {@code files} alternates paths and contents (String or byte[]). */
    static Case of(String name, List<String> args, List<String> expected, Object... files) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < files.length; i += 2) {
            Object content = files[i + 1];
            map.put((String) files[i], content instanceof byte[] b ? b
                    : ((String) content).getBytes(StandardCharsets.UTF_8));
        }
        return new Case(name, map, args, expected);
    }

    private static Case compare(String name, Object a, Object b, List<String> more, String... expected) {
        List<String> args = new ArrayList<>(List.of("compare", "a.csv", "b.csv"));
        args.addAll(more);
        return of(name, args, List.of(expected), "a.csv", a, "b.csv", b);
    }

    static byte[] gzip(String text) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // compare: a broken input is exit 2, never "no regression"
                compare("compare --tolerance NaN hides nothing", HEADER + ROW, HEADER + ROW.replace("0.62", "0.12"),
                        List.of("--tolerance", "NaN"), "--tolerance", "finite"),
                compare("compare --tolerance Infinity", HEADER + ROW, HEADER + ROW, List.of("--tolerance",
                        "Infinity"), "--tolerance"),
                compare("compare with a negative tolerance", HEADER + ROW, HEADER + ROW, List.of("--tolerance",
                        "-0.01"), "--tolerance", ">= 0"),
                compare("compare on empty CSV files", "", "", List.of(), "a.csv", "empty"),
                compare("compare on a CSV of other columns", "a,b\n1,2\n", "a,b\n1,2\n", List.of(), "a.csv",
                        "no column 'run_id'"),
                compare("compare with a non-numeric metric", HEADER + ROW.replace("0.62,0.30,0.62", "abc,0.30,0.62"),
                        HEADER + ROW, List.of(), "a.csv", "abc"),
                compare("compare --metrics with a typo", HEADER + ROW, HEADER + ROW, List.of("--metrics", "recal"),
                        "--metrics", "'recal'"),
                compare("compare --metrics on a text column", HEADER + ROW, HEADER + ROW, List.of("--metrics",
                        "variant"), "--metrics", "not numeric"),
                compare("compare --metrics empty", HEADER + ROW, HEADER + ROW, List.of("--metrics", ","),
                        "--metrics"),
                compare("compare on gzip-compressed summaries", gzip(HEADER + ROW), gzip(HEADER + ROW), List.of(),
                        "a.csv", "gzip"),
                compare("compare on summaries without runs", HEADER, HEADER, List.of(), "nothing to compare"),
                compare("compare summaries with nothing in common", HEADER + ROW, HEADER + ROW.replace(
                        "m1-gru100-f1-s1,m1,100", "m1-gru200-f1-s1,m1,200"), List.of(), "nothing to compare"),
                compare("compare with a done run missing its metric", HEADER + ROW.replace("0.62,0.30,0.62",
                        ",0.30,0.62"), HEADER + ROW, List.of(), "a.csv", "no recall"),
                compare("compare with a fraction that is not one", HEADER + ROW.replace(",1,1,done", ",half,1,done"),
                        HEADER + ROW, List.of(), "a.csv", "half"),
                compare("compare with a GRU size that is not a number", HEADER + ROW.replace(",100,1,1,", ",big,1,1,"),
                        HEADER + ROW, List.of(), "a.csv"),
                of("compare with a missing file", List.of("compare", "a.csv", "missing.csv"),
                        List.of("missing.csv"), "a.csv", HEADER + ROW),
                of("compare on folders that are not experiments", List.of("compare", "x", "y"),
                        List.of("x", "not an experiment results folder"), "x/", "", "y/", ""),
                of("compare a binary file with the paper", List.of("compare", "a.csv", "paper"),
                        List.of("a.csv", "binary"), "a.csv", new byte[] {'r', 'u', 'n', 0, 1, 2, 3, 4, 5, 6}),
                // report and status name the file that is wrong, and write nothing
                of("report on a corrupt run.json", List.of("report", "e"), List.of("e/runs/r1/run.json"),
                        "e/runs/r1/run.json", "{\"runId\": "),
                of("report on a run.json without fields", List.of("report", "e"), List.of("run.json", "runId"),
                        "e/runs/r1/run.json", "{}"),
                of("report on a run.json holding null", List.of("report", "e"), List.of("run.json"),
                        "e/runs/r1/run.json", "null"),
                of("report on an experiment without runs", List.of("report", "e"), List.of("no run records"),
                        "e/runs/", ""),
                of("report on a file", List.of("report", "a.csv"), List.of("a.csv"), "a.csv", HEADER + ROW),
                of("status on a corrupt run.json", List.of("status", "e"), List.of("e/runs/r1/run.json"),
                        "e/runs/r1/run.json", "[1, 2"),
                of("status on a folder that is not an experiment", List.of("status", "x"),
                        List.of("x", "not an experiment"), "x/", ""),
                // bench flags are named
                of("bench --gru -1", List.of("bench", "--gru", "-1"), List.of("--gru", "-1")),
                of("bench --items 0", List.of("bench", "--items", "0"), List.of("--items")),
                of("bench --batch of two billion", List.of("bench", "--batch", "2000000000"), List.of("--batch")),
                of("bench --clicks beyond the heap", List.of("bench", "--clicks", "900000000000"),
                        List.of("--clicks")),
                of("bench --serving with zero seconds", List.of("bench", "--serving", "--seconds", "0"),
                        List.of("--seconds")),
                of("bench --gru not a number", List.of("bench", "--gru", "abc"), List.of("--gru", "abc")),
                // the command line itself
                of("an unknown option carrying an escape sequence", List.of("bench", "--gr\u001b[31mu", "5"),
                        List.of("\\u001b")),
                of("a mistyped command", List.of("stauts", "e"), List.of("stauts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithOneLineNamingTheCulpritAndWritesNothing(Case c) throws IOException {
        assertRefused(dir, c);
    }

    /** Runs {@code c} in {@code dir} and checks the refusal and that nothing around it changed. */
    static void assertRefused(Path dir, Case c) throws IOException {
        for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
            Path p = dir.resolve(file.getKey());
            if (file.getKey().endsWith("/")) {
                Files.createDirectories(p);
            } else {
                Files.createDirectories(p.getParent());
                // byte-preserving: {dir} in a text file becomes this case's folder, other bytes stay as they are
                String bytes = new String(file.getValue(), StandardCharsets.ISO_8859_1).replace("{dir}",
                        dir.toString());
                Files.write(p, bytes.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        String before = snapshot(dir);
        String rootBefore = listing(Path.of("/"));
        List<String> args = c.args().stream().map(a -> isCaseFile(dir, a) ? dir.resolve(a).toString() : a).toList();
        Result r = run(args.toArray(String[]::new));
        List<String> errorLines = r.err.lines().filter(l -> l.startsWith("error: ")).toList();
        String all = r.out + r.err;
        assertAll(
                () -> assertEquals(Main.INPUT_ERROR, r.code, "exit code; stderr: " + r.err),
                () -> assertEquals(1, errorLines.size(), "one error line; stderr: " + r.err),
                () -> assertTrue(all.lines().count() <= 3, "at most 3 lines: " + all),
                () -> c.expected().forEach(f -> assertTrue(!errorLines.isEmpty() && errorLines.get(0).contains(f),
                        "'" + f + "' in: " + r.err)),
                () -> assertFalse(all.contains("\tat ") || all.contains("Exception:"), "stack trace: " + all),
                () -> assertFalse(all.chars().anyMatch(ch -> ch < 0x20 && ch != '\n'), "raw control characters"),
                () -> assertEquals(before, snapshot(dir), "the case folder is unchanged"),
                () -> assertEquals(rootBefore, listing(Path.of("/")), "nothing written at the root"));
    }

    /** An argument naming a file or folder of the case (or one the command should find missing there). */
    private static boolean isCaseFile(Path dir, String arg) {
        return !arg.startsWith("-") && !arg.startsWith("/") && !arg.contains("=") && !arg.equals("paper")
                && (arg.contains(".") || arg.contains("/") || Files.exists(dir.resolve(arg)));
    }

    @Test
    void compareExitCodesAreDocumentedAndDistinct() throws IOException {
        Files.writeString(dir.resolve("a.csv"), HEADER + ROW);
        Files.writeString(dir.resolve("b.csv"), HEADER + ROW.replace("0.62", "0.12"));
        String a = dir.resolve("a.csv").toString();
        String b = dir.resolve("b.csv").toString();
        assertEquals(0, run("compare", a, a).code, "no regression");
        assertEquals(1, run("compare", a, b).code, "regression");
        assertEquals(2, run("compare", a, dir.resolve("missing.csv").toString()).code, "bad input");
        String help = run("compare", "--help").out;
        assertTrue(help.contains("Exit codes") && help.contains("regression") && help.contains("bad input"), help);
    }

    @Test
    void anUnexpectedErrorIsOneLineWithAHintAndExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.report(new IllegalStateException("boom\nsecond line"), new PrintStream(err, true,
                StandardCharsets.UTF_8), false);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("boom") && text.contains("IllegalStateException") && text.contains("--debug"), text);
        err.reset();
        assertEquals(1, Main.report(new OutOfMemoryError("Java heap space"), new PrintStream(err, true,
                StandardCharsets.UTF_8), false));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-Xmx"), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(capture); // commands print results to System.out
        try {
            int code = Main.execute(args, capture, new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    /** Every path below {@code root} with its size and modification time. */
    static String snapshot(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return root.relativize(p) + " " + (a.isDirectory() ? "dir" : a.size()) + " "
                            + a.lastModifiedTime();
                } catch (IOException e) {
                    return root.relativize(p) + " ?";
                }
            }).reduce("", (x, y) -> x + y + "\n");
        }
    }

    /** The names in {@code folder} (one level). */
    static String listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(Path::toString).sorted().toList().toString();
        }
    }
}
