package org.sessionrnn.spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.sessionrnn.io.Limits;

/** Reads and checks a whole (already overridden) spec tree into an {@link ExperimentSpec}. */
final class SpecReader {
    /** A plain folder name: it can never point outside the output folder. */
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]+";
    /** Longest file name (bytes) on common file systems. */
    static final int NAME_MAX = 255;
    /** Longest path (bytes) on Linux. */
    static final int PATH_MAX = 4096;
    /** Room kept in a name for the affixes of temporary files and caches. */
    private static final int NAME_MARGIN = 40;
    /** The longest path a run writes below its folder (M3's teacher checkpoint inside an epoch, as a temp file). */
    private static final String DEEPEST_RUN_FILE = "/checkpoints/teacher/epoch-99999-batch-9999999999"
            + ".data-00000-of-00001.tmp12345678901234567890";

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
        if (root.has("seeds") && root.value("seeds").node().isNumber()) {
            // 'seeds: 3' reads as a count as easily as a seed: the list form says which
            long n = root.value("seeds").node().asLong();
            throw root.value("seeds").error("expected a list of seeds; write [" + n + "] for the one seed " + n
                    + ", or [1, 2, 3] for three runs per grid cell");
        }
        List<Long> seeds = root.list("seeds", List.of(1L), v -> v.asLong(Interval.NON_NEGATIVE), "seed");
        Path output = root.file("output", "results", "");
        DataSpec data = DataSectionReader.read(root.section("data"));
        ProtocolSpec protocol = ProtocolReader.read(root.section("protocol"));
        List<VariantSpec> variants = VariantReader.read(root, protocol);
        ExperimentSpec spec = new ExperimentSpec(name, seeds, data, protocol, variants, output, file);
        checkGrid(root, spec);
        return spec;
    }

    /**
     * The grid is not absurdly large, and every file it will write has a name and a path the file system
     * accepts (at most {@value #NAME_MAX} bytes per name, {@value #PATH_MAX} per path), so that a long label or
     * a deep output folder is refused now rather than after the first files were written.
     */
    private static void checkGrid(Section root, ExperimentSpec spec) {
        List<RunSpec> runs = GridExpander.expand(spec);
        if (runs.size() > Limits.MAX_RUNS) {
            throw root.value(root.has("seeds") ? "seeds" : "variants").error("the grid has " + runs.size()
                    + " runs (variants x GRU sizes x fractions x seeds), more than " + Limits.MAX_RUNS
                    + "; split it into several specs");
        }
        if (runs.isEmpty()) {
            throw root.value("variants").error("the grid has no runs (m2 does not run at fraction 1, and "
                    + "protocol.fractions has no other fraction)");
        }
        RunSpec longest = runs.stream().max(Comparator.comparingInt(r -> bytes(r.id()))).orElseThrow();
        if (bytes(longest.id()) > NAME_MAX - NAME_MARGIN) {
            throw root.value("variants").error("run id '" + cut(longest.id()) + "' is " + bytes(longest.id())
                    + " bytes long, more than a run folder's name may be (" + (NAME_MAX - NAME_MARGIN)
                    + "); shorten the label of variant '" + cut(longest.variant().label()) + "'");
        }
        String deepest = spec.experimentDir().toAbsolutePath().normalize() + "/runs/" + longest.id()
                + DEEPEST_RUN_FILE;
        if (bytes(deepest) > PATH_MAX) {
            throw root.value("output").error("results would go to paths of " + bytes(deepest) + " bytes (e.g. runs/"
                    + cut(longest.id()) + "/checkpoints/... under " + cut(spec.experimentDir().toString())
                    + "), more than a path may be (" + PATH_MAX + "); use a shorter output folder");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String name(Section root) {
        String name = root.requiredText("name", "");
        if (bytes(name) > NAME_MAX - NAME_MARGIN) {
            throw root.value("name").error("'" + cut(name) + "' is " + bytes(name) + " characters long; a name may "
                    + "have at most " + (NAME_MAX - NAME_MARGIN) + ", since results go to a folder output/<name>");
        }
        if (!name.matches(NAME_PATTERN) || name.equals(".") || name.equals("..")) {
            throw root.value("name").error("'" + name + "' is not a plain name: use letters, digits, '.', '_' "
                    + "and '-' only (not '.' or '..'), since results go to output/<name>");
        }
        return name;
    }
}
