package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.io.FileSniffer;

/**
 * Loads an experiment spec: parses the YAML file keeping every node's line and column, applies {@code --set}
 * overrides and {@code --output} to the tree, then validates everything strictly (unknown keys, types, ranges,
 * keys that do not apply to the chosen model or data source) and fills defaults. Any problem is a
 * {@link SpecException} with a one-line message such as
 * {@code experiments/x.yaml:12:5: unknown key 'max_epoch' in variants[0] (did you mean 'max_epochs'?)}.
 *
 * <h2>Schema</h2>
 * Keys are snake_case; see {@code experiments/README.md} for the full table of keys, defaults and ranges.
 * <pre>
 * name: fractions          # required, [A-Za-z0-9._-]+ and not '.' or '..'
 * seeds: [1]               # non-negative integers, distinct
 * output: results          # results root; results go to output/name
 * data:
 *   source: synthetic      # synthetic | yoochoose (path) | gru4rec (train, test) | csv (path, csv)
 *   synthetic: {clicks: 400000, items: 3000, clusters: 60, days: 30, noise: 0.1, drift: 0.3, seed: 7}
 *   csv: {delimiter: ",", header: true, session: session_id, item: item_id, time: timestamp,
 *         time_format: iso, order: null}
 *   preprocess: {min_session_length: 2, min_item_support: 5, test_days: 1}   # not for gru4rec
 * protocol: {fractions: [1/256, 1/64, 1/16, 1/4, 1], validation_share: 0.1, max_length: 19, cutoff: 20}
 * variants:                # required, non-empty, distinct labels
 *   - {model: m1, label: m1, gru_sizes: [100], embedding: 50, embedding_dropout: 0.25, batch_size: 512,
 *      learning_rate: 0.001, max_epochs: 10, patience: 2}
 *      # m3 adds lambda: 0.2, temperature: 1.0, soft_label_top_k: 0; m4 adds hidden_size: 0;
 *      # itemknn has only neighbours: 100, knn_lambda: 20, knn_alpha: 0.5; pop and spop have no keys
 * </pre>
 * A key that the chosen model or data source does not use is rejected rather than ignored. A key set to
 * {@code null} counts as absent (its default applies).
 *
 * <h2>Paths</h2>
 * Data paths and {@code output} are kept as written (normalised). Relative paths are therefore relative to the
 * <em>current working directory</em> of the runner, not to the spec file: run from the repository root.
 */
public final class SpecLoader {
    private static final String SEARCH = "search";

    /** Stateless; all methods are static. The constructor exists for callers that prefer an instance. */
    public SpecLoader() {
    }

    /** Loads {@code file} without overrides. */
    public static ExperimentSpec load(Path file) {
        return load(file, List.of(), null);
    }

    /**
     * Loads and validates a spec.
     *
     * @param file           the YAML spec; its path as given appears in messages
     * @param overrides      {@code key=value} strings from {@code --set}, applied in order
     * @param outputOverride replaces {@code output} when not null ({@code --output DIR})
     * @return the validated spec, all defaults filled, with {@code source() == file}
     * @throws SpecException on any problem, with a one-line located message
     */
    public static ExperimentSpec load(Path file, List<String> overrides, Path outputOverride) {
        String name = file.toString();
        LocatedTree tree = YamlTreeReader.read(text(file), (line, column) -> name + ":" + line + ":" + column);
        if (tree.root().isMissingNode() || tree.root().isNull() || tree.root().isValueNode()
                || tree.root().isArray()) {
            // Report an empty spec (comments only, say) or a top level that is not a mapping at its place in the
            // file, not at the first override or --output.
            return SpecReader.read(tree, file);
        }
        for (String assignment : overrides) {
            OverrideApplier.apply(tree, assignment);
        }
        if (outputOverride != null) {
            OverrideApplier.setText(tree, "output", outputOverride.toString(), "--output " + outputOverride);
        }
        if (tree.root().hasNonNull(SEARCH)) {
            throw SpecException.at(tree.where().keyAt(SEARCH), SEARCH, "belongs to the tune command: java -jar "
                    + "runner.jar tune " + file + " (run trains the variants as written; remove the section or add "
                    + "--set search=null)");
        }
        return SpecReader.read(tree, file);
    }

    /**
     * Loads and validates a spec for the {@code tune} command: everything {@link #load(Path, List, Path)} checks,
     * plus the {@code search} section, which is required.
     *
     * @param searchFlags search keys given by their own command-line flags ({@code trials} from
     *                    {@code --trials 8}), key to value text, applied after the {@code --set} overrides
     * @throws SpecException on any problem, with a one-line located message
     */
    public static TuneSpec loadTune(Path file, List<String> overrides, Path outputOverride,
                                    Map<String, String> searchFlags) {
        String name = file.toString();
        LocatedTree tree = YamlTreeReader.read(text(file), (line, column) -> name + ":" + line + ":" + column);
        if (tree.root().isMissingNode() || tree.root().isNull() || tree.root().isValueNode()
                || tree.root().isArray()) {
            SpecReader.read(tree, file); // reports an empty spec or a top level that is not a mapping, in the file
        }
        for (String assignment : overrides) {
            OverrideApplier.apply(tree, assignment);
        }
        searchFlags.forEach((key, value) -> OverrideApplier.apply(tree, SEARCH + "." + key + "=" + value,
                "--" + key.replace('_', '-') + " " + value));
        if (outputOverride != null) {
            OverrideApplier.setText(tree, "output", outputOverride.toString(), "--output " + outputOverride);
        }
        if (tree.root().isMissingNode() || tree.root().isNull()) {
            SpecReader.read(tree, file); // reports the empty spec
        }
        Section root = Section.of(tree.root(), "", tree.where());
        if (!root.has(SEARCH)) {
            throw root.missing(SEARCH, " (tune draws the settings it lists; see experiments/README.md)");
        }
        JsonNode search = tree.root().get(SEARCH);
        ObjectNode withoutSearch = ((ObjectNode) tree.root()).deepCopy();
        withoutSearch.remove(SEARCH);
        LocatedTree base = new LocatedTree(withoutSearch, tree.where());
        ExperimentSpec spec = SpecReader.read(base, file);
        return SearchReader.read(Section.of(search, SEARCH, tree.where()), spec, base);
    }

    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new SpecException(file + ": is a folder, not a spec file");
        }
        try {
            Optional<String> notText = FileSniffer.problem(file);
            if (notText.isPresent()) {
                throw new SpecException(file + ": " + notText.get() + "; a spec is a YAML text file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new SpecException(file + ": not UTF-8 text; save the spec as UTF-8");
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": no such spec file");
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read spec file (" + e.getMessage() + ")");
        }
    }
}
