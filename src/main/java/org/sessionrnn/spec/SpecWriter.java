package org.sessionrnn.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.io.Sha256;

/**
 * Writes a resolved spec back to YAML for provenance: every default filled in, keys in schema order, only the keys
 * that the chosen data source and models use. The protocol keys that only the report reads ({@code data_fraction},
 * {@code leaderboard}) are written only when they differ from their defaults, so that the text, and the hash, of a
 * spec that does not set them stays what it was before they existed. Loading the output with {@link SpecLoader} gives an equal spec
 * (apart from {@link ExperimentSpec#source()}, which is not written). {@link #specHash} fingerprints that text.
 */
public final class SpecWriter {
    /** Hex digits of the SHA-256 kept by {@link #specHash}. */
    public static final int HASH_LENGTH = 12;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** Stateless; all methods are static. The constructor exists for callers that prefer an instance. */
    public SpecWriter() {
    }

    /** The canonical YAML of {@code spec}. */
    public static String toYaml(ExperimentSpec spec) {
        try {
            return YAML.writeValueAsString(tree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + spec.name(), e);
        }
    }

    /** The first {@value #HASH_LENGTH} hex digits of the SHA-256 of {@link #toYaml}. */
    public static String specHash(ExperimentSpec spec) {
        return Sha256.ofText(toYaml(spec), HASH_LENGTH);
    }

    /** Writes {@link #toYaml} to {@code file} atomically, creating its folder. */
    public static void write(ExperimentSpec spec, Path file) {
        try {
            AtomicFiles.writeString(file, toYaml(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static ObjectNode tree(ExperimentSpec spec) {
        ObjectNode root = NODES.objectNode();
        root.put("name", spec.name());
        root.set("seeds", longs(spec.seeds()));
        root.put("output", spec.output().toString());
        root.set("data", data(spec.data()));
        root.set("protocol", protocol(spec.protocol()));
        ArrayNode variants = root.putArray("variants");
        spec.variants().forEach(v -> variants.add(variant(v)));
        return root;
    }

    private static ObjectNode data(DataSpec d) {
        ObjectNode all = NODES.objectNode();
        all.put("source", d.source());
        all.put("path", text(d.path()));
        all.put("train", text(d.train()));
        all.put("test", text(d.test()));
        all.set("synthetic", d.synthetic() == null ? null : synthetic(d.synthetic()));
        all.set("csv", d.csv() == null ? null : csv(d.csv()));
        all.set("preprocess", preprocess(d.preprocess()));
        return only(all, Schema.dataKeys(d.source()));
    }

    private static ObjectNode synthetic(SyntheticSpec s) {
        ObjectNode n = NODES.objectNode();
        n.put("clicks", s.clicks()).put("items", s.items()).put("clusters", s.clusters()).put("days", s.days());
        n.put("noise", s.noise()).put("drift", s.drift()).put("seed", s.seed());
        return n;
    }

    private static ObjectNode csv(CsvSpec c) {
        ObjectNode n = NODES.objectNode();
        n.put("delimiter", c.delimiter()).put("header", c.header());
        n.set("session", column(c.sessionColumn()));
        n.set("item", column(c.itemColumn()));
        n.set("time", column(c.timeColumn()));
        n.put("time_format", c.timeFormat());
        n.set("order", c.orderColumn() == null ? NODES.nullNode() : column(c.orderColumn()));
        return n;
    }

    /** Column indexes as numbers, names as strings. */
    private static JsonNode column(String column) {
        return column.matches("\\d{1,9}") ? NODES.numberNode(Integer.parseInt(column)) : NODES.textNode(column);
    }

    private static ObjectNode preprocess(PreprocessSpec p) {
        ObjectNode n = NODES.objectNode();
        n.put("min_session_length", p.minSessionLength()).put("min_item_support", p.minItemSupport());
        n.put("test_days", p.testDays());
        return n;
    }

    private static ObjectNode protocol(ProtocolSpec p) {
        ObjectNode n = NODES.objectNode();
        ArrayNode fractions = n.putArray("fractions");
        p.fractions().forEach(f -> fractions.add(fraction(f)));
        n.put("validation_share", p.validationShare()).put("max_length", p.maxLength()).put("cutoff", p.cutoff());
        // report-only keys are written only when set, so that a spec without them keeps its text and hash
        if (!p.dataFraction().equals(Fraction.ONE)) {
            n.put("data_fraction", p.dataFraction().label());
        }
        if (p.hasLeaderboard()) {
            n.put("leaderboard", p.leaderboard());
        }
        return n;
    }

    private static ObjectNode variant(VariantSpec v) {
        ObjectNode all = NODES.objectNode();
        v.specValues().forEach((key, value) -> all.set(key, node(value)));
        return only(all, Schema.variantKeys(v.model()));
    }

    /** A setting's value as YAML: a list of sizes, a number, a flag or a name. */
    private static JsonNode node(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(node(element)));
            return array;
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Fraction f) {
            return fraction(f);
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** 1 as a number, others as {@code 1/4}. */
    private static JsonNode fraction(Fraction f) {
        return f.denominator() == 1 ? NODES.numberNode(f.numerator()) : NODES.textNode(f.label());
    }

    /** The entries of {@code all} named in {@code keys}, in that order (optional ones only where present). */
    private static ObjectNode only(ObjectNode all, List<String> keys) {
        ObjectNode kept = NODES.objectNode();
        keys.stream().filter(all::has).forEach(key -> kept.set(key, all.get(key)));
        return kept;
    }

    private static ArrayNode longs(List<Long> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
