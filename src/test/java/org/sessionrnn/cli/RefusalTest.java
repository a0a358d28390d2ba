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
    /** A spec over {@code clicks.dat} that would run. */
    static final String SPEC = """
            name: refused
            data:
              source: yoochoose
              path: {dir}/clicks.dat
              preprocess: {min_session_length: 2, min_item_support: 1, test_days: 1}
            protocol: {fractions: [1], cutoff: 2}
            variants:
              - model: m1
                max_epochs: 1
            """;
    /** A spec over a small synthetic data set that would run. */
    static final String SYNTHETIC = """
            name: synth
            data:
              source: synthetic
              synthetic: {clicks: 3000, items: 100, clusters: 5, days: 5}
            protocol: {fractions: [1]}
            variants:
              - model: m1
                max_epochs: 1
            """;
    private static final List<String> RUN = List.of("spec.yaml", "--output", "out");
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

    /** The runnable spec with {@code from} replaced by {@code to}, over the good clicks. */
    private static Case spec(String name, String from, String to, String... expected) {
        return of(name, RUN, List.of(expected), "spec.yaml", edit(SPEC, from, to), "clicks.dat", CLICKS);
    }

    /** The synthetic spec with {@code from} replaced by {@code to}. */
    private static Case synthetic(String name, String from, String to, String... expected) {
        return of(name, RUN, List.of(expected), "spec.yaml", edit(SYNTHETIC, from, to));
    }

    /** The runnable spec over other clicks. */
    private static Case data(String name, Object clicks, String... expected) {
        return of(name, RUN, List.of(expected), "spec.yaml", SPEC, "clicks.dat", clicks);
    }

    private static Case flags(String name, List<String> args, String... expected) {
        return of(name, args, List.of(expected), "spec.yaml", SPEC, "clicks.dat", CLICKS);
    }

    private static String edit(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("no '" + from + "' in " + text);
        }
        return text.replace(from, to);
    }

    private static String gru4recSpec() {
        return edit(edit(SPEC, "  path: {dir}/clicks.dat\n  preprocess: {min_session_length: 2, min_item_support: 1, "
                + "test_days: 1}\n", "  train: {dir}/train.tsv\n  test: {dir}/test.tsv\n"), "source: yoochoose",
                "source: gru4rec");
    }

    /** The runnable spec over SR-GNN's pickles {@code train.txt} and {@code test.txt}. */
    private static String srgnnSpec() {
        return gru4recSpec().replace("source: gru4rec", "source: srgnn").replace("train.tsv", "train.txt")
                .replace("test.tsv", "test.txt");
    }

    /** A pickle fixture of the SR-GNN reader's tests. */
    private static byte[] pickle(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/fixtures/srgnn", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runnable SR-GNN spec with {@code train} and {@code test} as its files. */
    private static Case srgnn(String name, String train, String test, String... expected) {
        return of(name, RUN, List.of(expected), "spec.yaml", srgnnSpec(), "train.txt", pickle(train), "test.txt",
                pickle(test));
    }

    /** The runnable spec reading {@code clicks.csv} through the generic reader with {@code csv} settings. */
    private static String csvSpec(String csv) {
        return edit(edit(SPEC, "source: yoochoose", "source: csv"), "  path: {dir}/clicks.dat\n",
                "  path: {dir}/clicks.csv\n  csv: {" + csv + "}\n");
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) c);
        return bytes;
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
                compare("compare --metrics naming a column twice", HEADER + ROW, HEADER + ROW, List.of("--metrics",
                        "recall,recall"), "--metrics", "twice"),
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
                compare("compare with a run listed twice", HEADER + ROW, HEADER + ROW + ROW, List.of(), "b.csv",
                        "'m1-gru100-f1-s1' is listed twice", "rows 1 and 2"),
                compare("compare with an infinite metric", HEADER + ROW.replace("0.62,0.30,0.62", "Infinity,0.30,0.62"),
                        HEADER + ROW, List.of(), "a.csv", "recall Infinity", "not a finite number"),
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
                of("report on a run.json holding NaN", List.of("report", "e"), List.of("e/runs/r1/run.json",
                        "Non-standard token 'NaN'"), "e/runs/r1/run.json", "{\"runId\": \"r1\", \"recall\": NaN}"),
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
                of("bench sizes that cannot fit", List.of("bench", "--items", "10000000", "--gru", "16000"),
                        List.of("--gru")),
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

    /** Mistakes in specs, flags and data of {@code run} and {@code tune}: refused before anything is written. */
    static Stream<Case> runCases() {
        String longLabel = "l".repeat(250);
        String deepOutput = String.join("/", java.util.Collections.nCopies(20, "d".repeat(220)));
        String seeds = "seeds: [" + String.join(", ", java.util.stream.IntStream.range(0, 20_000)
                .mapToObj(Integer::toString).toList()) + "]\n";
        return Stream.of(
                // limits: refused where the spec is validated, naming the key
                spec("GRU size far beyond any memory", "max_epochs: 1", "max_epochs: 1\n    gru_sizes: [100000000]",
                        "spec.yaml:10:", "variants[0].gru_sizes[0]", "at most 16384"),
                spec("batch size of two billion", "max_epochs: 1", "batch_size: 2000000000",
                        "variants[0].batch_size", "at most 65536"),
                spec("embedding of two billion", "max_epochs: 1", "embedding: 2000000000", "variants[0].embedding"),
                spec("max_length typed as 100000", "cutoff: 2", "cutoff: 2, max_length: 100000",
                        "protocol.max_length", "at most 1000"),
                spec("the largest sizes together cannot fit", "max_epochs: 1", "max_epochs: 1\n    gru_sizes: [16384]"
                        + "\n    batch_size: 65536", "variants[0]", "memory", "lower"),
                synthetic("two billion synthetic clicks", "clicks: 3000", "clicks: 2000000000",
                        "data.synthetic.clicks", "Java heap"),
                synthetic("fifty million synthetic items", "items: 100", "items: 50000000", "data.synthetic.items"),
                spec("M4 hidden layer of two billion", "model: m1", "model: m4\n    hidden_size: 2000000000",
                        "variants[0].hidden_size"),
                spec("a label of 250 characters", "max_epochs: 1", "max_epochs: 1\n    label: " + longLabel,
                        "run id", "shorten the label"),
                spec("a name of 300 characters", "name: refused", "name: " + "n".repeat(300), "spec.yaml:1:7",
                        "name"),
                flags("an output folder deeper than a path may be", List.of("spec.yaml", "--output", deepOutput),
                        "--output", "use a shorter output folder"),
                flags("an integer overflow in --set", List.of("spec.yaml", "--set",
                        "variants.0.max_epochs=99999999999999999999"), "--set variants.0.max_epochs", "32 bits"),
                flags("an --set without a value", List.of("spec.yaml", "--set", "variants.0.max_epochs="),
                        "--set variants.0.max_epochs=", "no value after '='"),
                flags("a negative seed in --set", List.of("spec.yaml", "--set", "seeds=[-1]"), "seeds[0]", ">= 0"),
                spec("seeds given as a count", "name: refused\n", "name: refused\nseeds: 3\n", "spec.yaml:2:8",
                        "seeds", "[3]", "[1, 2, 3]"),
                spec("twenty thousand seeds", "name: refused\n", "name: refused\n" + seeds, "seeds",
                        "more than 10000"),
                // limits that need the loaded data: refused before training, naming the key
                spec("cutoff above the catalogue", "cutoff: 2", "cutoff: 50", "protocol.cutoff", "3 items"),
                spec("soft-label top k above the catalogue", "model: m1", "model: m3\n    soft_label_top_k: 500",
                        "soft_label_top_k", "3 items"),
                // accepted nonsense, now refused
                of("GRU4Rec training sessions of one click each", RUN, List.of("no training sequences"),
                        "spec.yaml", gru4recSpec(),
                        "train.tsv", "SessionId\tItemId\tTime\n1\t11\t100.0\n2\t12\t200.0\n",
                        "test.tsv", "SessionId\tItemId\tTime\n9\t11\t400.0\n9\t12\t500.0\n"),
                of("one-click sessions kept by min_session_length 1", RUN, List.of("clicks.dat",
                        "no training sequences"), "spec.yaml", SPEC.replace("min_session_length: 2",
                        "min_session_length: 1"), "clicks.dat", "1,2014-04-01T10:00:00.000Z,11,0\n"
                        + "2,2014-04-01T11:00:00.000Z,12,0\n3,2014-04-03T09:00:00.000Z,11,0\n"),
                of("test sessions of one click", RUN, List.of("no test prefixes"), "spec.yaml",
                        SPEC.replace("min_session_length: 2", "min_session_length: 1"), "clicks.dat",
                        CLICKS.replace("3,2014-04-03T09:00:10.000Z,13,0\n", "")),
                data("training data from one session leaves no validation",
                        "1,2014-04-01T10:00:00.000Z,11,0\n1,2014-04-01T10:01:00.000Z,12,0\n"
                                + "1,2014-04-01T10:02:00.000Z,13,0\n3,2014-04-03T09:00:00.000Z,11,0\n"
                                + "3,2014-04-03T09:00:10.000Z,13,0\n", "validation", "protocol.fractions"),
                spec("a fraction too small to leave a validation session", "fractions: [1]",
                        "fractions: [1/1000000]", "fraction 1/1000000", "validation"),
                // data files that are not what they should be
                data("a zero-filled data file", new byte[100_000], "clicks.dat", "zero-filled"),
                data("one giant line", filled(3_000_000, 'a'), "clicks.dat:1", "line longer than"),
                data("a gzip-compressed data file", gzip(CLICKS), "clicks.dat", "gzip"),
                data("binary bytes with ESC and NUL", "1,\u001b[2J\u0000\u0001\u0002\u0003x".repeat(50)
                        .getBytes(StandardCharsets.UTF_8), "clicks.dat", "binary"),
                data("Latin-1 bytes in a row", ("1,2014-04-01T10:00:00.000Z,11,caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1), "clicks.dat:1", "UTF-8"),
                of("a folder given as the data file", RUN, List.of("clicks.dat", "folder"), "spec.yaml", SPEC,
                        "clicks.dat/", ""),
                of("a gzip-compressed GRU4Rec test file", RUN, List.of("test.tsv", "gzip"), "spec.yaml",
                        gru4recSpec(), "train.tsv", "SessionId\tItemId\tTime\n1\t11\t100.0\n1\t12\t200.0\n",
                        "test.tsv", gzip("SessionId\tItemId\tTime\n9\t11\t400.0\n9\t12\t500.0\n")),
                of("CSV settings reading session and item from one column", RUN, List.of("clicks.csv",
                        "data.csv.session and data.csv.item are the same column"), "spec.yaml",
                        csvSpec("item: session_id"), "clicks.csv", "session_id,timestamp,item_id,category\n" + CLICKS),
                of("a CSV header naming a column twice", RUN, List.of("clicks.csv:1", "'item_id' twice"),
                        "spec.yaml", csvSpec(""), "clicks.csv", "session_id,timestamp,item_id,item_id\n" + CLICKS),
                of("a CSV delimiter of two characters", RUN, List.of("spec.yaml:5:", "data.csv.delimiter",
                        "single character"), "spec.yaml", csvSpec("delimiter: ';;'"), "clicks.csv",
                        "session_id;;timestamp\n"),
                srgnn("an SR-GNN training pickle that calls os.system", "os_system.txt", "test.txt", "train.txt",
                        "calls or constructs Python code", "GLOBAL 'posix.system'"),
                srgnn("an SR-GNN test pickle naming a class razorvine knows", "train.txt", "decimal.txt",
                        "test.txt", "'decimal.Decimal'"),
                srgnn("a truncated SR-GNN test pickle", "train.txt", "truncated.txt", "test.txt", "truncated?"),
                srgnn("SR-GNN's padding id 0 in a prefix", "padding.txt", "test.txt", "train.txt",
                        "prefixes[0][1] is 0"),
                srgnn("SR-GNN's list of sessions given as the test file", "train.txt", "all_train_seq.txt",
                        "test.txt", "holds a list of sessions"),
                srgnn("an SR-GNN pickle of strings", "strings.txt", "test.txt", "train.txt", "BINUNICODE"),
                of("GRU4Rec test file that is the training file", RUN, List.of("data.test", "also data.train"),
                        "spec.yaml", gru4recSpec().replace("{dir}/test.tsv", "{dir}/train.tsv"), "train.tsv",
                        "SessionId\tItemId\tTime\n1\t11\t100.0\n1\t12\t200.0\n"),
                data("a control sequence inside a bad value", CLICKS.replace(",13,0\n3", ",1\u001b[31m3,0\n3"),
                        "clicks.dat:6", "\\u001b"),
                data("a five-thousand-digit item id", "1,2014-04-01T10:00:00.000Z," + "9".repeat(5000) + ",0\n",
                        "clicks.dat:1"),
                // nothing written on refusal, wherever the output goes
                of("bad data with the experiment folder already there", RUN, List.of("no data rows"),
                        "spec.yaml", SPEC, "clicks.dat", "", "out/refused/", ""),
                of("bad data with new nested output folders", List.of("spec.yaml", "--output", "a/b/c"),
                        List.of("no data rows"), "spec.yaml", SPEC, "clicks.dat", ""),
                synthetic("synthetic data refused by preprocessing", "days: 5}",
                        "days: 5}\n  preprocess: {min_item_support: 100000}", "no training clicks left"),
                of("a rerun over a corrupt run.json", RUN, List.of("out/refused/runs/r1/run.json"), "spec.yaml",
                        SPEC, "clicks.dat", CLICKS, "out/refused/runs/r1/run.json", "{\"runId\": "),
                of("recommend from a gzip-compressed sessions file", List.of("recommend", "exports/m1", "-i",
                        "sessions.txt"), List.of("--input", "gzip"), "exports/m1/", "", "sessions.txt",
                        gzip("214536502 214536506\n")),
                of("output is an existing file", RUN, List.of("out", "not a folder"), "spec.yaml", SPEC,
                        "clicks.dat", CLICKS, "out", "a file"),
                of("a shard of a grid another runner holds", List.of("spec.yaml", "--output", "out", "--shard", "9/4"),
                        List.of("--shard")),
                // messages that blame the right thing
                of("a spec of comments only, run with --output", RUN, List.of("spec.yaml:1:1", "empty"),
                        "spec.yaml", "# my experiment\n# todo\n"),
                synthetic("a YAML alias as a second label", "    max_epochs: 1\n",
                        "    max_epochs: 1\n    label: &l m1a\n  - model: m1\n    label: *l\n", "spec.yaml:",
                        "anchor"),
                flags("an escape sequence in --set", List.of("spec.yaml", "--set", "name=a\u001b[31mred"),
                        "--set name=a\\u001b[31mred"),
                of("a gzip-compressed spec", RUN, List.of("spec.yaml", "gzip"), "spec.yaml", gzip(SPEC)),
                of("a spec saved as Latin-1", RUN, List.of("spec.yaml", "UTF-8"), "spec.yaml",
                        (SPEC + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)),
                of("tune on a spec without a search section", List.of("tune", "spec.yaml", "--output", "out"),
                        List.of("spec.yaml", "search"), "spec.yaml", SPEC, "clicks.dat", CLICKS),
                of("tune on bad data", List.of("tune", "spec.yaml", "--output", "out"), List.of("no data rows"),
                        "spec.yaml", SPEC + "search:\n  trials: 2\n  max_epochs: 1\n  params:\n    learning_rate: "
                                + "{log_uniform: [0.001, 0.01]}\n", "clicks.dat", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cases", "runCases"})
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
                () -> assertFalse(all.contains("`"), "a parser's advice to its programmer: " + all),
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
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
