package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad search section gives one exact message naming file:line:column and the key. */
class SearchErrorsTest {
    /** Lines 1-7; the search section starts on line 8. */
    private static final String BASE = """
            name: t
            data:
              source: synthetic
              synthetic: {clicks: 1000}
            variants:
              - model: m1
                gru_sizes: [8]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown search key   | {trails: 3, params: {learning_rate: [0.1]}}             | 8:10: unknown key 'trails' in search (did you mean 'trials'?)
            unknown variant key  | {params: {learning_rat: [0.1]}}                         | 8:19: unknown key 'learning_rat' in search.params (did you mean 'learning_rate'?)
            key of another model | {params: {lambda: [0.1]}}                               | 8:19: search.params.lambda: does not apply to model m1 (variant 'm1')
            the budget key       | {params: {max_epochs: [3, 5]}}                          | 8:19: search.params.max_epochs: cannot be searched (the epoch budget comes from search.min_epochs and search.max_epochs)
            empty list           | {params: {batch_size: []}}                              | 8:31: search.params.batch_size: must list at least one value
            empty range          | {params: {embedding_dropout: {uniform: [0.2, 0.2]}}}   | 8:48: search.params.embedding_dropout.uniform: empty range: low and high are both 0.2 (for a single value write a list, [0.2])
            reversed range       | {params: {learning_rate: {uniform: [0.5, 0.1]}}}       | 8:44: search.params.learning_rate.uniform: reversed range: low 0.5 is above high 0.1
            reversed integers    | {params: {embedding: {integer: [64, 16]}}}             | 8:40: search.params.embedding.integer: reversed range: low 64 is above high 16
            log through zero     | {params: {learning_rate: {log_uniform: [0, 0.1]}}}     | 8:49: search.params.learning_rate.log_uniform[0]: log_uniform needs bounds above 0, got 0
            log below zero       | {params: {learning_rate: {log_uniform: [-1, 0.1]}}}    | 8:49: search.params.learning_rate.log_uniform[0]: log_uniform needs bounds above 0, got -1
            fractional integer   | {params: {embedding: {integer: [16.5, 64]}}}           | 8:41: search.params.embedding.integer[0]: an integer range needs whole-number bounds, got 16.5
            non-numeric bound    | {params: {learning_rate: {uniform: [abc, 0.1]}}}       | 8:45: search.params.learning_rate.uniform[0]: expected a number, got 'abc'
            one bound            | {params: {learning_rate: {uniform: [0.1]}}}            | 8:44: search.params.learning_rate.uniform: expected two bounds, {uniform: [low, high]}, got 1 entries
            unknown range kind   | {params: {learning_rate: {loguniform: [0.1, 1]}}}      | 8:35: unknown key 'loguniform' in search.params.learning_rate (did you mean 'log_uniform'?)
            value out of range   | {params: {embedding_dropout: {uniform: [0, 1]}}}       | 8:52: search.params.embedding_dropout.uniform[1]: 1 must be in [0, 1)
            list value invalid   | {params: {batch_size: [64, 0]}}                         | 8:36: search.params.batch_size[1]: 0 must be >= 1
            list value repeated  | {params: {batch_size: [64, 64]}}                        | 8:36: search.params.batch_size[1]: 64 is listed twice
            no params            | {trials: 3}                                             | 8:9: search: missing required key 'params' (the variant keys to search, e.g. learning_rate: {log_uniform: [0.0005, 0.02]})
            zero trials          | {trials: 0, params: {learning_rate: [0.1]}}            | 8:18: search.trials: 0 must be >= 1
            zero budget          | {budget_minutes: 0, params: {learning_rate: [0.1]}}    | 8:26: search.budget_minutes: 0 must be > 0
            negative budget      | {budget_minutes: -5, params: {learning_rate: [0.1]}}   | 8:26: search.budget_minutes: -5 must be > 0
            eta of one           | {eta: 1, params: {learning_rate: [0.1]}}               | 8:15: search.eta: 1 must be >= 2
            min above max epochs | {min_epochs: 5, max_epochs: 3, params: {embedding: [8]}} | 8:22: search.min_epochs: 5 is above max_epochs 3
            unknown variant      | {variant: m9, params: {embedding: [8]}}                | 8:19: search.variant: no variant labelled 'm9'; the spec has m1 (did you mean 'm1'?)
            """)
    void badSearchGivesOneExactLocatedMessage(String name, String search, String expected) throws IOException {
        Path spec = write(BASE + "search: " + search + "\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.loadTune(spec, List.of(), null,
                Map.of()));
        assertEquals(spec + ":" + expected, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trials         | 0  | --trials 0: search.trials: 0 must be >= 1
            budget_minutes | 0  | --budget-minutes 0: search.budget_minutes: 0 must be > 0
            budget_minutes | -1 | --budget-minutes -1: search.budget_minutes: -1 must be > 0
            """)
    void badFlagIsNamedAsTyped(String key, String value, String expected) throws IOException {
        Path spec = write(BASE + "search: {params: {learning_rate: [0.1]}}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.loadTune(spec, List.of(), null,
                Map.of(key, value)));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void searchOnRunBelongsToTune() throws IOException {
        Path spec = write(BASE + "search: {params: {learning_rate: [0.1]}}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(spec));
        assertEquals(spec + ":8:1: search: belongs to the tune command: java -jar runner.jar tune " + spec
                + " (run trains the variants as written; remove the section or add --set search=null)", e.getMessage());
    }

    @Test
    void tuneWithoutSearch() throws IOException {
        Path spec = write(BASE);
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.loadTune(spec, List.of(), null,
                Map.of()));
        assertEquals(spec + ":1:1: missing required key 'search' (tune draws the settings it lists; see "
                + "experiments/README.md)", e.getMessage());
    }

    @Test
    void severalVariantsNeedOneNamed() throws IOException {
        Path spec = write(BASE + "  - model: pop\nsearch: {params: {learning_rate: [0.1]}}\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.loadTune(spec, List.of(), null,
                Map.of()));
        assertEquals(spec + ":9:9: search: missing required key 'variant' (the spec has 2 variants; name the one "
                + "to tune)", e.getMessage());
        Path baseline = write(BASE + "  - model: pop\nsearch: {variant: pop, params: {learning_rate: [0.1]}}\n");
        e = assertThrows(SpecException.class, () -> SpecLoader.loadTune(baseline, List.of(), null, Map.of()));
        assertEquals(baseline + ":9:19: search.variant: variant 'pop' is model pop, which trains no epochs; tune "
                + "searches the GRU models", e.getMessage());
    }

    @Test
    void goodSearchIsReadWithDefaults() throws IOException {
        Path spec = write(BASE + """
                search:
                  params:
                    learning_rate: {log_uniform: [0.0005, 0.02]}
                    embedding_dropout: {uniform: [0, 0.5]}
                    batch_size: [64, 128]
                    embedding: {integer: [16, 64]}
                """);
        TuneSpec tune = SpecLoader.loadTune(spec, List.of("search.eta=2"), null, Map.of("trials", "6"));
        SearchSpec s = tune.search();
        assertEquals(new SearchSpec("m1", 6, 2, 1, GruTraining.DEFAULT.maxEpochs(), 1, Double.POSITIVE_INFINITY, List.of(
                new SearchParam("learning_rate", SearchParam.Kind.LOG_UNIFORM, List.of(), 0.0005, 0.02),
                new SearchParam("embedding_dropout", SearchParam.Kind.UNIFORM, List.of(), 0, 0.5),
                new SearchParam("batch_size", SearchParam.Kind.CHOICE, List.of(64, 128), Double.NaN, Double.NaN),
                new SearchParam("embedding", SearchParam.Kind.INTEGER, List.of(), 16, 64))), s);
        ExperimentSpec trial = tune.withSettings(Map.of("learning_rate", 0.003, "batch_size", 128, "embedding", 20),
                "trial", Path.of("out"));
        GruTraining v = trial.variants().get(0).training();
        assertEquals(List.of(0.003, 128, 20, GruTraining.DEFAULT.maxEpochs()), List.of(v.learningRate(), v.batchSize(),
                v.embedding(), v.maxEpochs()));
        assertEquals(Path.of("out", "trial"), trial.experimentDir());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("spec" + Files.list(dir).count() + ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
