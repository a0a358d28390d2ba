package org.sessionrnn.spec;

import java.nio.file.Path;
import java.util.List;

/** Reads and checks a whole (already overridden) spec tree into an {@link ExperimentSpec}. */
final class SpecReader {
    /** A plain folder name: it can never point outside the output folder. */
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]+";

    private SpecReader() {
    }

    /**
     * @param tree   the parsed and overridden spec
     * @param file   the spec file, recorded as the spec's source and used in messages about the whole file
     */
    static ExperimentSpec read(LocatedTree tree, Path file) {
        if (tree.root().isMissingNode() || tree.root().isNull()) {
            throw new SpecException(file + ":1:1: the spec is empty; it needs at least 'name' and 'variants'");
        }
        Section root = Section.of(tree.root(), "", tree.where());
        root.checkKeys(Schema.TOP_KEYS, key -> true, "");
        String name = name(root);
        List<Long> seeds = root.list("seeds", List.of(1L), v -> v.asLong(Interval.NON_NEGATIVE), "seed");
        Path output = root.file("output", "results", "");
        DataSpec data = DataReader.read(root.section("data"));
        ProtocolSpec protocol = ProtocolReader.read(root.section("protocol"));
        List<VariantSpec> variants = VariantReader.read(root, protocol);
        return new ExperimentSpec(name, seeds, data, protocol, variants, output, file);
    }

    private static String name(Section root) {
        String name = root.requiredText("name", "");
        if (!name.matches(NAME_PATTERN) || name.equals(".") || name.equals("..")) {
            throw root.value("name").error("'" + name + "' is not a plain name: use letters, digits, '.', '_' "
                    + "and '-' only (not '.' or '..'), since results go to output/<name>");
        }
        return name;
    }
}
