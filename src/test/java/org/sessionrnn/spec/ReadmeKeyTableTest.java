package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The {@code variants[]} table of experiments/README.md is generated from the declared keys: it must be the
 * generated one, so that a key added, removed, renamed or read by another kind shows up in the docs. To refresh the
 * README after changing keys, run this test with {@code -Dkeys.writeReadme=true}.
 */
class ReadmeKeyTableTest {
    private static final Path README = Path.of("experiments/README.md");

    @Test
    void theReadmeTableIsTheDeclaredKeys() throws IOException {
        String readme = Files.readString(README);
        String generated = KeyDocs.variantTable();
        if (Boolean.getBoolean("keys.writeReadme")) {
            Files.writeString(README, readme.substring(0, tableStart(readme)) + generated
                    + readme.substring(tableEnd(readme)));
            readme = Files.readString(README);
        }
        assertEquals(generated, readme.substring(tableStart(readme), tableEnd(readme)),
                "experiments/README.md's variants table differs from the declared keys; rerun this test with "
                        + "-Dkeys.writeReadme=true to regenerate it");
    }

    @Test
    void everyKeyAKindReadsHasARow() {
        String table = KeyDocs.variantTable();
        for (ModelSchema kind : ModelCatalogue.all()) {
            for (String key : Schema.variantKeys(kind.id())) {
                assertTrue(table.contains("\n| `" + key + "` |"), key + " of " + kind.id());
            }
        }
        assertTrue(table.contains("| `output_dropout` | m1, m2, m4, m1plus, m1norm | 0 (m1plus 0.6, m1norm 0.6) | [0, 1): "),
                table);
        assertTrue(table.contains("| `optimizer` | m1plus, m1norm | `adam` | `adam`, `adagrad`: "), table);
    }

    private static int tableStart(String readme) {
        int begin = readme.indexOf(KeyDocs.BEGIN + "\n");
        assertTrue(begin >= 0, "README lacks the line " + KeyDocs.BEGIN);
        return begin + KeyDocs.BEGIN.length() + 1;
    }

    private static int tableEnd(String readme) {
        int end = readme.indexOf(KeyDocs.END, tableStart(readme));
        assertTrue(end >= 0, "README lacks the line " + KeyDocs.END);
        return end;
    }
}
