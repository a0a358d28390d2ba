package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A validated spec for the {@code tune} command: the experiment without its {@code search} section, the search,
 * and a way to turn drawn settings into the spec of one trial. Built only by {@link SpecLoader#loadTune}, which has
 * checked every value the search can draw against the variant's rules, so building a trial's spec cannot fail.
 */
public final class TuneSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentSpec base;
    private final SearchSpec search;
    private final LocatedTree tree;
    private final int variantIndex;

    TuneSpec(ExperimentSpec base, SearchSpec search, LocatedTree treeWithoutSearch, int variantIndex) {
        this.base = base;
        this.search = search;
        this.tree = treeWithoutSearch;
        this.variantIndex = variantIndex;
    }

    /** The experiment as written, without the search section. */
    public ExperimentSpec base() {
        return base;
    }

    public SearchSpec search() {
        return search;
    }

    /** The tuned variant as written. */
    public VariantSpec variant() {
        return base.variants().get(variantIndex);
    }

    /**
     * The experiment with only the tuned variant, its searched keys set to {@code settings} (key to value as drawn:
     * Integer, Long, Double, String, Boolean or a List of those) and {@code max_epochs} set to the search's
     * {@code max_epochs}; named {@code name} with results under {@code output}.
     */
    public ExperimentSpec withSettings(Map<String, Object> settings, String name, Path output) {
        ObjectNode root = tree.root().deepCopy();
        ObjectNode variant = (ObjectNode) root.get("variants").get(variantIndex);
        settings.forEach((key, value) -> variant.set(key, JSON.valueToTree(value)));
        variant.put("max_epochs", search.maxEpochs());
        ArrayNode only = root.putArray("variants");
        only.add(variant);
        root.put("name", name);
        root.put("output", output.toString());
        SourceMap where = tree.where().copy();
        return SpecReader.read(new LocatedTree(root, where), base.source());
    }

    /** The tree of the tuned variant's entry, for checks of single values. */
    JsonNode variantNode() {
        return tree.root().get("variants").get(variantIndex);
    }
}
