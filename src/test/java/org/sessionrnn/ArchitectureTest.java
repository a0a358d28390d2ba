package org.sessionrnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.sessionrnn.io.Sha256;

/**
 * Keeps the house's structure true of the compiled classes, as the JDK's {@code jdeps} reads them: every package
 * imports only packages on lower floors, and no classes of one package depend on each other in a cycle. Nested
 * classes count as their top-level class. Compile-time constants are copied into the classes that use them, so
 * a dependency through a constant alone is not seen.
 */
class ArchitectureTest {
    /**
     * The floors, lowest first: data flows spec, data, model, train, eval, runner, report, cli; {@code io} is
     * the ground floor; {@code results} (the results store) and {@code claims} (workers sharing a folder) sit
     * beside {@code data}; {@code baseline} ranks through {@code eval}; {@code export}, {@code serve}, {@code tune}
     * and {@code bench} use the stages below them. Packages on one floor import none of each other.
     */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("io"),
            Set.of("spec"),
            Set.of("data", "results", "claims"),
            Set.of("model"),
            Set.of("train"),
            Set.of("eval"),
            Set.of("baseline"),
            Set.of("runner"),
            Set.of("report", "export"),
            Set.of("serve", "tune"),
            Set.of("bench"),
            Set.of("cli"));

    private static final String ROOT = "org.sessionrnn.";
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void packagesImportOnlyLowerFloorsAndClassesOfAPackageFormNoCycle() throws Exception {
        Map<String, Set<String>> classes = withoutPermits(classDependencies(mainClasses()));
        assertTrue(classes.size() > 100, "jdeps found the project's classes: " + classes.size());
        assertTrue(classes.keySet().stream().anyMatch(c -> c.equals(ROOT + "runner.ExperimentRunner")));
        List<String> problems = new ArrayList<>(layerViolations(classes));
        problems.addAll(cyclesInsidePackages(classes));
        assertEquals(List.of(), problems);
    }

    /** The checks themselves find what they are meant to find. */
    @Test
    void anUpwardImportAnUnplacedPackageAndACycleAreReported() {
        Map<String, Set<String>> classes = new TreeMap<>();
        classes.put(ROOT + "train.Trainer", Set.of(ROOT + "eval.Evaluator", ROOT + "model.Batch"));
        classes.put(ROOT + "eval.Evaluator", Set.of(ROOT + "train.Trainer"));
        classes.put(ROOT + "runner.A", Set.of(ROOT + "runner.B", ROOT + "spec.Fraction"));
        classes.put(ROOT + "runner.B", Set.of(ROOT + "runner.C"));
        classes.put(ROOT + "runner.C", Set.of(ROOT + "runner.A", ROOT + "runner.D"));
        classes.put(ROOT + "runner.D", Set.of());
        classes.put(ROOT + "gadgets.G", Set.of(ROOT + "io.Sha256"));

        assertEquals(List.of("gadgets is on no floor (give it one in ArchitectureTest.FLOORS)",
                        "train imports eval, which is not on a lower floor (train.Trainer -> eval.Evaluator)"),
                layerViolations(classes));
        assertEquals(List.of("classes of runner depend on each other in a cycle: [A, B, C]"),
                cyclesInsidePackages(classes));
    }

    /** For every problem, one line naming the packages and one class dependency that shows it. */
    static List<String> layerViolations(Map<String, Set<String>> classes) {
        Map<String, Integer> floorOf = new HashMap<>();
        for (int i = 0; i < FLOORS.size(); i++) {
            for (String p : FLOORS.get(i)) {
                floorOf.put(p, i);
            }
        }
        Set<String> problems = new TreeSet<>();
        classes.forEach((from, targets) -> {
            String p = packageOf(from);
            if (!floorOf.containsKey(p)) {
                problems.add(p + " is on no floor (give it one in ArchitectureTest.FLOORS)");
                return;
            }
            for (String to : targets) {
                String q = packageOf(to);
                if (!q.equals(p) && floorOf.containsKey(q) && floorOf.get(q) >= floorOf.get(p)) {
                    problems.add(p + " imports " + q + ", which is not on a lower floor (" + shortName(from)
                            + " -> " + shortName(to) + ")");
                }
            }
        });
        return List.copyOf(problems);
    }

    /** Strongly connected components of more than one class among the dependencies inside each package. */
    static List<String> cyclesInsidePackages(Map<String, Set<String>> classes) {
        List<String> problems = new ArrayList<>();
        new Object() {
            final Map<String, Integer> index = new HashMap<>();
            final Map<String, Integer> low = new HashMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> onStack = new java.util.HashSet<>();

            void all() {
                for (String c : classes.keySet()) {
                    if (!index.containsKey(c)) {
                        visit(c);
                    }
                }
            }

            void visit(String c) {
                index.put(c, index.size());
                low.put(c, index.get(c));
                stack.push(c);
                onStack.add(c);
                for (String d : classes.getOrDefault(c, Set.of())) {
                    if (!packageOf(d).equals(packageOf(c))) {
                        continue;
                    }
                    if (!index.containsKey(d)) {
                        visit(d);
                        low.put(c, Math.min(low.get(c), low.get(d)));
                    } else if (onStack.contains(d)) {
                        low.put(c, Math.min(low.get(c), index.get(d)));
                    }
                }
                if (low.get(c).equals(index.get(c))) {
                    Set<String> component = new TreeSet<>();
                    String d;
                    do {
                        d = stack.pop();
                        onStack.remove(d);
                        component.add(d.substring(d.lastIndexOf('.') + 1));
                    } while (!d.equals(c));
                    if (component.size() > 1) {
                        problems.add("classes of " + packageOf(c) + " depend on each other in a cycle: " + component);
                    }
                }
            }
        }.all();
        problems.sort(null);
        return problems;
    }

    /**
     * The dependencies without those of a sealed type on the subclasses it permits: the {@code permits} clause makes
     * a sealed hierarchy one unit by design, and is the only way its parts name each other.
     */
    static Map<String, Set<String>> withoutPermits(Map<String, Set<String>> classes) throws ClassNotFoundException {
        Map<String, Set<String>> kept = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : classes.entrySet()) {
            Class<?> type = Class.forName(e.getKey(), false, ArchitectureTest.class.getClassLoader());
            Set<String> permitted = new TreeSet<>();
            if (type.isSealed()) {
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    permitted.add(sub.getName());
                }
            }
            Set<String> targets = new TreeSet<>(e.getValue());
            targets.removeAll(permitted);
            kept.put(e.getKey(), targets);
        }
        return kept;
    }

    /** Top-level class to the project's top-level classes it uses (itself excluded), from {@code jdeps}. */
    static Map<String, Set<String>> classDependencies(Path classesDir) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("this JDK has no jdeps (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
                "-regex", "org\\.sessionrnn\\..*", classesDir.toString());
        assertEquals(0, code, "jdeps failed: " + err);
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && m.group(1).startsWith(ROOT) && m.group(2).startsWith(ROOT)) {
                String from = topLevel(m.group(1));
                String to = topLevel(m.group(2));
                Set<String> targets = deps.computeIfAbsent(from, k -> new TreeSet<>());
                if (!to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return deps;
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(Sha256.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    /** The package below {@code org.sessionrnn}, e.g. {@code runner}. */
    private static String packageOf(String className) {
        return className.substring(ROOT.length(), className.lastIndexOf('.'));
    }

    private static String shortName(String className) {
        return className.substring(ROOT.length());
    }
}
