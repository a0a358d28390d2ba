package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML's {@code .nan} and {@code .inf} are numbers to the YAML reader; in a numeric key (decimal, integer,
 * fraction, search bound) the message says that NaN or infinity is not allowed there, at its line and column.
 */
class NonFiniteNumbersTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            learning_rate   | .nan  | 7:20: variants[0].learning_rate: NaN (.nan) is not allowed here; expected a number > 0
            learning_rate   | .inf  | 7:20: variants[0].learning_rate: infinity (.inf) is not allowed here; expected a number > 0
            embedding_dropout | -.Inf | 7:24: variants[0].embedding_dropout: minus infinity (-.inf) is not allowed here; expected a number in [0, 1)
            max_epochs      | .INF  | 7:17: variants[0].max_epochs: infinity (.inf) is not allowed here; expected an integer
            gru_sizes       | [.NaN] | 7:17: variants[0].gru_sizes[0]: NaN (.nan) is not allowed here; expected an integer
            """)
    void aNonFiniteNumberIsNamedAtItsLine(String key, String value, String expected) throws IOException {
        Path spec = dir.resolve("x.yaml");
        Files.writeString(spec, """
                name: t
                data:
                  source: synthetic
                  synthetic: {clicks: 1000}
                variants:
                  - model: m1
                    %s: %s
                """.formatted(key, value));
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(spec));
        assertEquals(spec + ":" + expected, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fraction     | protocol: {fractions: [.nan]}                                   | 6:24: protocol.fractions[0]: NaN (.nan) is not allowed here; expected a fraction like 1/256, 0.25 or 1
            search bound | search: {params: {learning_rate: {uniform: [0.1, .inf]}}}      | 6:50: search.params.learning_rate.uniform[1]: infinity (.inf) is not allowed here; expected a finite number
            search value | search: {params: {learning_rate: [0.1, .nan]}}                 | 6:40: search.params.learning_rate[1]: NaN (.nan) is not allowed here; expected a number > 0
            """)
    void elsewhereToo(String name, String line, String expected) throws IOException {
        Path spec = dir.resolve("x.yaml");
        Files.writeString(spec, """
                name: t
                data:
                  source: synthetic
                  synthetic: {clicks: 1000}
                variants: [{model: m1, gru_sizes: [8]}]
                %s
                """.formatted(line));
        SpecException e = assertThrows(SpecException.class, () -> {
            if (line.startsWith("search")) {
                SpecLoader.loadTune(spec, List.of(), null, Map.of());
            } else {
                SpecLoader.load(spec);
            }
        });
        assertEquals(spec + ":" + expected, e.getMessage());
    }
}
