package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a spec into its runs: variant x GRU size x fraction x seed, in that nesting order (the spec's order
 * within each). Ids are stable and file-name safe: {@code <label>-gru<size>-f<num>_<den>-s<seed>} for GRU models
 * (e.g. {@code m1-gru100-f1_256-s1}) and {@code <label>-f<num>_<den>-s<seed>} for baselines; fraction 1 is
 * {@code f1}. A variant runs at its own {@code fractions} where it lists them, else at the protocol's. Model m2
 * fine-tunes on a recent fraction, so it has no run at fraction 1. An ensemble runs at the fractions where all its
 * members run ({@link #members}).
 */
public final class GridExpander {
    /** Stateless; all methods are static. The constructor exists for callers that prefer an instance. */
    public GridExpander() {
    }

    /** All runs of {@code spec}; ids are unique. */
    public static List<RunSpec> expand(ExperimentSpec spec) {
        List<RunSpec> runs = new ArrayList<>();
        for (VariantSpec variant : spec.variants()) {
            for (int gruSize : variant.gruSizes()) {
                for (Fraction fraction : fractions(variant, spec.variants(), spec.protocol())) {
                    addSeeds(runs, spec.seeds(), variant, gruSize, fraction);
                }
            }
        }
        checkUnique(runs);
        return List.copyOf(runs);
    }

    private static void addSeeds(List<RunSpec> runs, List<Long> seeds, VariantSpec variant, int gruSize,
                                 Fraction fraction) {
        if (!applies(variant, fraction)) {
            return;
        }
        for (long seed : seeds) {
            runs.add(new RunSpec(runId(variant, gruSize, fraction, seed), variant, gruSize, fraction, seed));
        }
    }

    /**
     * The fractions {@code variant} runs at: its own or the protocol's where its kind runs; for an ensemble, only
     * those of them where every member runs too.
     *
     * @param variants the spec's variants, where an ensemble's members are found by label
     */
    public static List<Fraction> fractions(VariantSpec variant, List<VariantSpec> variants, ProtocolSpec protocol) {
        List<Fraction> fractions = new ArrayList<>();
        for (Fraction f : variant.fractions(protocol)) {
            if (applies(variant, f) && (!(variant.settings() instanceof EnsembleSettings e)
                    || e.members().stream().allMatch(m -> runsAt(variant(variants, m), f, protocol)))) {
                fractions.add(f);
            }
        }
        return fractions;
    }

    private static boolean runsAt(VariantSpec member, Fraction f, ProtocolSpec protocol) {
        return member.fractions(protocol).contains(f) && applies(member, f);
    }

    /**
     * The member runs an ensemble's run averages: each member variant's run at the ensemble run's fraction and
     * seed (a member has one GRU size). Empty for any other run.
     */
    public static List<RunSpec> members(ExperimentSpec spec, RunSpec run) {
        if (!(run.variant().settings() instanceof EnsembleSettings e)) {
            return List.of();
        }
        List<RunSpec> members = new ArrayList<>();
        for (String label : e.members()) {
            VariantSpec m = variant(spec.variants(), label);
            int gru = m.gruSizes().get(0);
            members.add(new RunSpec(runId(m, gru, run.fraction(), run.seed()), m, gru, run.fraction(), run.seed()));
        }
        return List.copyOf(members);
    }

    private static VariantSpec variant(List<VariantSpec> variants, String label) {
        return variants.stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no variant labelled " + label));
    }

    /** False only for a kind that does not run at fraction 1 (m2) at fraction 1. */
    public static boolean applies(VariantSpec variant, Fraction fraction) {
        return ModelCatalogue.of(variant.model()).runsAtFractionOne() || fraction.compareTo(Fraction.ONE) != 0;
    }

    /** The id of one run, e.g. {@code m1-gru100-f1_256-s1} or {@code pop-f1-s1}. */
    public static String runId(VariantSpec variant, int gruSize, Fraction fraction, long seed) {
        String size = variant.neural() ? "-gru" + gruSize : "";
        return variant.label() + size + "-f" + fraction.idPart() + "-s" + seed;
    }

    private static void checkUnique(List<RunSpec> runs) {
        Set<String> ids = new HashSet<>();
        for (RunSpec run : runs) {
            if (!ids.add(run.id())) {
                throw new IllegalStateException("duplicate run id " + run.id());
            }
        }
    }
}
