package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and checks the {@code search} section of a {@code tune} spec. Every value the search can draw is checked
 * up front against the tuned variant's own rules (both ends of a range, every list entry), so that a bad search
 * fails before anything runs, at the search's line and column.
 */
final class SearchReader {
    static final List<String> KEYS = List.of("variant", "trials", "eta", "min_epochs", "max_epochs", "seed",
            "budget_minutes", "params");
    private static final List<String> RANGES = List.of("uniform", "log_uniform", "integer");
    /** Keys a trial cannot vary: the variant's identity, and the epoch budget that tune itself sets per rung. */
    private static final List<String> FIXED = List.of("label", "model", "max_epochs", "gru_sizes");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Section search;
    private final ExperimentSpec base;
    private final LocatedTree tree;

    private SearchReader(Section search, ExperimentSpec base, LocatedTree treeWithoutSearch) {
        this.search = search;
        this.base = base;
        this.tree = treeWithoutSearch;
    }

    /**
     * @param search            the section
     * @param base              the experiment read from the tree without its search section
     * @param treeWithoutSearch that tree, for checking drawn values against the variant's rules
     */
    static TuneSpec read(Section search, ExperimentSpec base, LocatedTree treeWithoutSearch) {
        return new SearchReader(search, base, treeWithoutSearch).read();
    }

    private TuneSpec read() {
        search.checkKeys(KEYS, key -> true, "search");
        int index = variantIndex();
        VariantSpec variant = base.variants().get(index);
        int trials = search.integer("trials", 10, Interval.AT_LEAST_ONE);
        int eta = search.integer("eta", 3, Interval.atLeast(2));
        int maxEpochs = search.integer("max_epochs", variant.training().maxEpochs(), Interval.AT_LEAST_ONE);
        int minEpochs = search.integer("min_epochs", 1, Interval.AT_LEAST_ONE);
        if (minEpochs > maxEpochs) {
            throw search.value("min_epochs").error(minEpochs + " is above max_epochs " + maxEpochs);
        }
        long seed = search.longValue("seed", 1, Interval.NON_NEGATIVE);
        double budget = search.decimal("budget_minutes", Double.POSITIVE_INFINITY, Interval.POSITIVE);
        List<SearchParam> params = params(index, variant);
        SearchSpec spec = new SearchSpec(variant.label(), trials, eta, minEpochs, maxEpochs, seed, budget, params);
        return new TuneSpec(base, spec, tree, index);
    }

    /** The tuned variant: named by {@code search.variant}, or the only variant; a GRU model with one GRU size. */
    private int variantIndex() {
        List<VariantSpec> variants = base.variants();
        int index;
        Value at;
        if (search.has("variant")) {
            at = search.value("variant");
            String label = search.text("variant", null);
            index = indexOf(label);
            if (index < 0) {
                List<String> labels = variants.stream().map(VariantSpec::label).toList();
                throw at.error("no variant labelled '" + label + "'; the spec has " + String.join(", ", labels)
                        + Suggestions.didYouMean(label, labels));
            }
        } else if (variants.size() == 1) {
            at = search.here();
            index = 0;
        } else {
            throw search.missing("variant", " (the spec has " + variants.size() + " variants; name the one to tune)");
        }
        VariantSpec v = variants.get(index);
        if (!v.neural()) {
            throw at.error("variant '" + v.label() + "' is model " + v.model() + ", which trains no epochs; tune "
                    + "searches the GRU models");
        }
        if (v.gruSizes().size() != 1) {
            throw at.error("variant '" + v.label() + "' lists " + v.gruSizes().size() + " GRU sizes; a trial trains "
                    + "one (keep one in gru_sizes)");
        }
        return index;
    }

    private int indexOf(String label) {
        for (int i = 0; i < base.variants().size(); i++) {
            if (base.variants().get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    private List<SearchParam> params(int index, VariantSpec variant) {
        if (!search.has("params")) {
            throw search.missing("params", " (the variant keys to search, e.g. learning_rate: {log_uniform: "
                    + "[0.0005, 0.02]})");
        }
        Section params = search.section("params");
        params.checkKeys(Schema.variantKeys(), key -> true, "");
        List<SearchParam> result = new ArrayList<>();
        for (Iterator<String> it = params.here().node().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Value value = params.value(key);
            checkSearchable(params, key, variant);
            result.add(param(key, value, index));
        }
        if (result.isEmpty()) {
            throw params.here().error("names no key to search");
        }
        return result;
    }

    private static void checkSearchable(Section params, String key, VariantSpec variant) {
        if (FIXED.contains(key)) {
            String why = key.equals("max_epochs") ? "the epoch budget comes from search.min_epochs and "
                    + "search.max_epochs" : "a trial keeps the variant's " + key;
            throw params.keyError(key, "cannot be searched (" + why + ")");
        }
        if (!Schema.variantKeys(variant.model()).contains(key)) {
            throw params.keyError(key, "does not apply to model " + variant.model() + " (variant '" + variant.label()
                    + "')");
        }
    }

    private SearchParam param(String key, Value value, int index) {
        JsonNode node = value.node();
        if (node.isArray()) {
            return choices(key, value, index);
        }
        if (!node.isObject() || node.size() != 1) {
            throw value.error("expected a list of values or one range: {uniform: [low, high]}, "
                    + "{log_uniform: [low, high]} or {integer: [low, high]}, got " + value.show());
        }
        String kind = node.fieldNames().next();
        Section range = Section.of(node, value.path(), tree.where());
        range.checkKeys(RANGES, k -> true, "");
        return range(key, range.value(kind), SearchParam.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                index);
    }

    private SearchParam choices(String key, Value list, int index) {
        if (list.node().isEmpty()) {
            throw list.error("must list at least one value");
        }
        List<Object> choices = new ArrayList<>();
        for (int i = 0; i < list.node().size(); i++) {
            String path = SourceMap.element(list.path(), i);
            Value element = new Value(list.node().get(i), path, search.where(path), false);
            if (element.node().isNull() || element.node().isObject()) {
                throw element.error("expected a value for " + key + ", got " + (element.node().isNull() ? "null"
                        : "a mapping"));
            }
            checkValue(key, element, index);
            Object choice = plain(element.node());
            if (choices.contains(choice)) {
                throw element.error(element.show() + " is listed twice");
            }
            choices.add(choice);
        }
        return new SearchParam(key, SearchParam.Kind.CHOICE, choices, Double.NaN, Double.NaN);
    }

    /** A YAML value as a plain Java value: Integer (Long if it needs 64 bits), Double, String, Boolean, List. */
    private static Object plain(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        return JSON.convertValue(node, Object.class);
    }

    private SearchParam range(String key, Value bounds, SearchParam.Kind kind, int index) {
        String form = "{" + kind.keyword() + ": [low, high]}";
        if (!bounds.node().isArray() || bounds.node().size() != 2) {
            throw bounds.error("expected two bounds, " + form + ", got " + (bounds.node().isArray()
                    ? bounds.node().size() + " entries" : bounds.show()));
        }
        Value low = element(bounds, 0);
        Value high = element(bounds, 1);
        double lo = bound(low, kind);
        double hi = bound(high, kind);
        if (lo > hi) {
            throw bounds.error("reversed range: low " + low.node().asText() + " is above high "
                    + high.node().asText());
        }
        if (lo == hi) {
            throw bounds.error("empty range: low and high are both " + low.node().asText()
                    + " (for a single value write a list, [" + low.node().asText() + "])");
        }
        if (kind == SearchParam.Kind.LOG_UNIFORM && lo <= 0) {
            throw low.error(kind.keyword() + " needs bounds above 0, got " + low.node().asText());
        }
        checkValue(key, low, index);
        checkValue(key, high, index);
        return new SearchParam(key, kind, List.of(), lo, hi);
    }

    private Value element(Value list, int i) {
        String path = SourceMap.element(list.path(), i);
        return new Value(list.node().get(i), path, search.where(path), false);
    }

    private static double bound(Value bound, SearchParam.Kind kind) {
        bound.refuseNonFinite("a finite number");
        if (!bound.node().isNumber()) {
            throw bound.typeError("a number", "numbers");
        }
        if (kind == SearchParam.Kind.INTEGER && !bound.node().isIntegralNumber()) {
            throw bound.error("an integer range needs whole-number bounds, got " + bound.node().asText());
        }
        return bound.node().doubleValue();
    }

    /**
     * Checks that {@code value} is valid for the variant's {@code key} by reading the spec with it set there; a
     * problem is reported at the search value.
     */
    private void checkValue(String key, Value value, int index) {
        ObjectNode root = tree.root().deepCopy();
        ((ObjectNode) root.get("variants").get(index)).set(key, value.node());
        SourceMap where = tree.where().copy();
        String field = SourceMap.child(SourceMap.element("variants", index), key);
        where.value(field, value.where());
        try {
            SpecReader.read(new LocatedTree(root, where), base.source());
        } catch (SpecException e) {
            String prefix = value.where() + ": " + field + ": ";
            if (!e.getMessage().startsWith(prefix)) {
                throw e;
            }
            throw value.error(e.getMessage().substring(prefix.length()));
        }
    }
}
