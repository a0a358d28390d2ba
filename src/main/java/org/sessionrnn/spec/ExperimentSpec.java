package org.sessionrnn.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment: what data, which protocol, which model variants, where results go. Built only by
 * {@link SpecLoader}, which checks every field before anything runs.
 *
 * @param name     experiment name; results go to {@code output/name}
 * @param seeds    one run per seed for every grid cell
 * @param data     where the clicks come from and how they are preprocessed
 * @param protocol split, fractions, validation share, sequence length, cutoff
 * @param variants the model variants, distinct labels
 * @param output   the results root folder (resolved against the working directory)
 * @param source   the spec file it was read from (for messages and provenance), may be null
 */
public record ExperimentSpec(String name, List<Long> seeds, DataSpec data, ProtocolSpec protocol,
                             List<VariantSpec> variants, Path output, Path source) {
    public ExperimentSpec {
        seeds = List.copyOf(seeds);
        variants = List.copyOf(variants);
    }

    /** This spec as if read from {@code file} (null: not from a file); everything else unchanged. */
    public ExperimentSpec withSource(Path file) {
        return new ExperimentSpec(name, seeds, data, protocol, variants, output, file);
    }

    /**
     * This spec with the protocol keys that only the report reads at their defaults ({@link
     * ProtocolSpec#withoutReportKeys}): what a fingerprint of the training configuration should see.
     */
    public ExperimentSpec withoutReportKeys() {
        return new ExperimentSpec(name, seeds, data, protocol.withoutReportKeys(), variants, output, source);
    }

    /** The folder of this experiment's results. */
    public Path experimentDir() {
        return output.resolve(name);
    }
}
