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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, through the command line as a user meets it: exit code 2, one {@code error:} line
 * naming the problem and where it is, no stack trace, and nothing written in the results folder. Runs
 * in-process; none of the cases gets as far as loading TensorFlow.
 */
class BadInputTest {
    /** A spec that would run, reading {@code clicks.dat} beside it; cases replace parts of it. */
    private static final String GOOD_SPEC = """
            name: bad
            data:
              source: yoochoose
              path: {dir}/clicks.dat
              preprocess: {min_session_length: 2, min_item_support: 1, test_days: 1}
            protocol: {fractions: [1]}
            variants:
              - model: m1
                max_epochs: 1
            """;
    private static final String GOOD_CLICKS = """
            1,2014-04-01T10:00:00.000Z,11,0
            1,2014-04-01T10:01:00.000Z,12,0
            2,2014-04-01T11:00:00.000Z,12,0
            2,2014-04-01T11:02:30.500Z,13,0
            3,2014-04-03T09:00:00.000Z,11,0
            3,2014-04-03T09:00:10.000Z,13,0
            """;
    /** The last day's only session clicks items never seen in training. */
    private static final String NO_TEST_CLICKS = GOOD_CLICKS.replace(",11,0\n3", ",11,0\n3")
            .replace("3,2014-04-03T09:00:00.000Z,11,0", "3,2014-04-03T09:00:00.000Z,98,0")
            .replace("3,2014-04-03T09:00:10.000Z,13,0", "3,2014-04-03T09:00:10.000Z,99,0");

    @TempDir
    Path dir;

    /**
     * One bad input.
     *
     * @param name     what is wrong
     * @param spec     spec.yaml content ({dir} is the test folder), or null for no spec file
     * @param clicks   clicks.dat content, or null for no data file
     * @param args     the command line ({dir} as above)
     * @param expected fragments the error line must contain: the problem and where it is
     */
    record Case(String name, String spec, String clicks, List<String> args, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<String> RUN = List.of("{dir}/spec.yaml", "--output", "{dir}/out");

    private static Case spec(String name, String from, String to, String... expected) {
        if (!GOOD_SPEC.contains(from)) {
            throw new IllegalArgumentException("the good spec has no '" + from + "'");
        }
        return new Case(name, GOOD_SPEC.replace(from, to), GOOD_CLICKS, RUN, List.of(expected));
    }

    /**
     * The good spec's m1 labelled {@code a}, a pop labelled {@code p}, an ensemble of {@code members}, then an m1
     * labelled {@code later} and an ensemble of it and {@code a}.
     */
    private static Case ensemble(String name, String members, String... expected) {
        return spec(name, "    max_epochs: 1\n", """
                    max_epochs: 1
                    label: a
                  - model: pop
                    label: p
                  - model: ensemble
                    members: %s
                  - model: m1
                    label: later
                  - model: ensemble
                    label: e
                    members: [a, later]
                """.formatted(members), expected);
    }

    private static Case data(String name, String clicks, String... expected) {
        return new Case(name, GOOD_SPEC, clicks, RUN, List.of(expected));
    }

    private static Case cli(String name, List<String> args, String... expected) {
        return new Case(name, GOOD_SPEC, GOOD_CLICKS, args, List.of(expected));
    }

    static Stream<Case> cases() {
        return Stream.of(
                spec("malformed YAML", "fractions: [1]}", "fractions: [1}", "spec.yaml:6:", "malformed YAML"),
                spec("not YAML at all", GOOD_SPEC, "\u0000\u0001 binary \u0002 junk", "spec.yaml", "is binary, not text"),
                spec("plain text instead of a mapping", GOOD_SPEC, "just some words\n", "spec.yaml:1:1"),
                spec("unknown key", "max_epochs: 1", "max_epoch: 1", "spec.yaml:9:5", "unknown key 'max_epoch'",
                        "did you mean 'max_epochs'"),
                spec("wrong type", "max_epochs: 1", "max_epochs: many", "spec.yaml:9:17", "variants[0].max_epochs",
                        "'many'"),
                spec("missing required name", "name: bad\n", "", "missing required key 'name'"),
                spec("missing required variants", "variants:\n  - model: m1\n    max_epochs: 1\n", "",
                        "missing required key 'variants'"),
                spec("fraction above 1", "fractions: [1]", "fractions: [3/2]", "spec.yaml:6:",
                        "protocol.fractions[0]: 3/2 is outside (0, 1]"),
                spec("fraction 0", "fractions: [1]", "fractions: [0]", "protocol.fractions[0]: 0 is outside (0, 1]"),
                spec("dropout 1", "max_epochs: 1", "max_epochs: 1\n    embedding_dropout: 1.0",
                        "spec.yaml:10:", "embedding_dropout: 1.0 must be in [0, 1)"),
                spec("zero batch size", "max_epochs: 1", "batch_size: 0", "variants[0].batch_size: 0 must be >= 1"),
                spec("negative learning rate", "max_epochs: 1", "learning_rate: -0.1",
                        "variants[0].learning_rate: -0.1 must be > 0"),
                spec("zero GRU size", "max_epochs: 1", "gru_sizes: [0]", "variants[0].gru_sizes[0]: 0 must be >= 1"),
                spec("cutoff 0", "fractions: [1]", "fractions: [1], cutoff: 0", "protocol.cutoff: 0 must be >= 1"),
                spec("name escaping the output folder", "name: bad", "name: ../evil", "spec.yaml:1:7",
                        "'../evil' is not a plain name"),
                spec("duplicate variants", "    max_epochs: 1\n", "    max_epochs: 1\n  - model: m1\n",
                        "duplicate label 'm1'"),
                cli("spec file missing", List.of("{dir}/nothing.yaml"), "nothing.yaml", "no such spec file"),
                cli("spec is a folder", List.of("{dir}"), "is a folder, not a spec file"),
                data("data file missing", null, "clicks.dat", "not found"),
                data("empty data file", "", "clicks.dat", "no data rows"),
                data("bad number", GOOD_CLICKS.replace(",13,0\n3", ",1x3,0\n3"), "clicks.dat:4:", "1x3"),
                data("bad timestamp", GOOD_CLICKS.replace("2014-04-01T11:00", "2014-13-01T11:00"), "clicks.dat:3:",
                        "2014-13-01T11:00"),
                data("wrong column count", GOOD_CLICKS.replace("12,0\n2", "12\n2"), "clicks.dat:2:"),
                spec("clicks given as SR-GNN pickles", "source: yoochoose\n  path: {dir}/clicks.dat\n  preprocess: "
                        + "{min_session_length: 2, min_item_support: 1, test_days: 1}", "source: srgnn\n  train: "
                        + "{dir}/clicks.dat\n  test: {dir}/clicks.dat", "data.test", "also data.train"),
                spec("a text file given as an SR-GNN pickle", "source: yoochoose\n  path: {dir}/clicks.dat\n  "
                        + "preprocess: {min_session_length: 2, min_item_support: 1, test_days: 1}", "source: srgnn\n"
                        + "  train: {dir}/clicks.dat\n  test: {dir}/spec.yaml", "clicks.dat", "not a pickle",
                        "'1,2014-04-01T10:00:00.00'"),
                data("no test sessions after filtering", NO_TEST_CLICKS, "clicks.dat", "no test sessions left"),
                spec("no training items after filtering", "min_item_support: 1", "min_item_support: 100",
                        "clicks.dat", "no training clicks left"),
                cli("unknown command", List.of("frobnicate"), "unknown command or spec file 'frobnicate'"),
                cli("unknown flag", List.of("{dir}/spec.yaml", "--frobnicate"), "Unknown option", "--frobnicate"),
                cli("bad --set key", List.of("{dir}/spec.yaml", "--output", "{dir}/out", "--set", "protocol.cutof=3"),
                        "--set protocol.cutof=3", "did you mean 'cutoff'"),
                ensemble("ensemble with an unknown member", "[a, z]", "spec.yaml:", "variants[2].members",
                        "no variant labelled 'z'"),
                ensemble("ensemble with a repeated member", "[a, a]", "spec.yaml:", "variants[2].members[1]",
                        "label a is listed twice"),
                ensemble("ensemble of one member", "[a]", "spec.yaml:", "variants[2].members",
                        "at least 2 members, not 1"),
                ensemble("ensemble of a baseline", "[a, p]", "spec.yaml:", "variants[2].members",
                        "member 'p' is model pop"),
                ensemble("ensemble member after it", "[a, later]", "spec.yaml:", "variants[2].members",
                        "member 'later' is listed after the ensemble"),
                spec("ensemble of an ensemble", "    max_epochs: 1\n", """
                            max_epochs: 1
                            label: a
                          - model: m1
                            label: b
                          - model: ensemble
                            label: e
                            members: [a, b]
                          - model: ensemble
                            members: [a, e]
                        """, "spec.yaml:", "variants[3].members", "member 'e' is model ensemble"),
                spec("ensemble of a member with two GRU sizes", "    max_epochs: 1\n", """
                            max_epochs: 1
                            label: a
                            gru_sizes: [8, 16]
                          - model: m1
                            label: b
                          - model: ensemble
                            members: [a, b]
                        """, "spec.yaml:", "variants[2].members", "member 'a' lists 2 GRU sizes",
                        "variants[0].gru_sizes"),
                spec("ensemble without members", "    max_epochs: 1\n", """
                            max_epochs: 1
                          - model: m1plus
                          - model: ensemble
                        """, "spec.yaml:", "variants[2]", "missing required key 'members'"),
                cli("report on a non-folder", List.of("report", "{dir}/spec.yaml"), "not an experiment results folder"),
                cli("compare with missing files", List.of("compare", "{dir}/a.csv", "{dir}/b.csv"),
                        "no summary found at", "a.csv"),
                cli("negative compare tolerance", List.of("compare", "{dir}/a.csv", "paper", "--tolerance", "-1"),
                        "--tolerance must be a finite number >= 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneClearLineExitTwoAndWritesNothing(Case c) throws IOException {
        write("spec.yaml", c.spec());
        write("clicks.dat", c.clicks());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = c.args().stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        List<String> errorLines = stderr.lines().filter(l -> l.startsWith("error: ")).toList();
        assertAll(
                () -> assertEquals(Main.INPUT_ERROR, code, "exit code; stderr: " + stderr),
                () -> assertEquals(1, errorLines.size(), "one error line; stderr: " + stderr),
                () -> c.expected().forEach(fragment -> assertTrue(errorLines.get(0).contains(fragment),
                        "'" + fragment + "' in: " + errorLines.get(0))),
                () -> assertFalse(stderr.contains("\tat ") || stderr.contains("Exception:"),
                        "no stack trace: " + stderr),
                () -> assertTrue(nothingIn(dir.resolve("out")), "results folder untouched: " + listing()));
    }

    private void write(String name, String content) throws IOException {
        if (content != null) {
            Files.writeString(dir.resolve(name), content.replace("{dir}", dir.toString()));
        }
    }

    private static boolean nothingIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private String listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(dir::relativize).map(Path::toString).toList().toString();
        }
    }
}
