package org.sessionrnn.spec;

/**
 * One cell of the grid: a variant at one GRU size, trained on one fraction with one seed.
 *
 * @param id       stable id, e.g. {@code m1-gru100-f1_256-s42}; the same spec always gives the same ids
 * @param variant  the variant
 * @param gruSize  GRU hidden size (0 for baselines)
 * @param fraction the fraction of the most recent training sequences used
 * @param seed     the seed for initialisation, dropout and shuffling
 */
public record RunSpec(String id, VariantSpec variant, int gruSize, Fraction fraction, long seed) {
    /**
     * The cell as the text that enters its configuration hash: written out rather than left to the record, whose
     * text would change with a component's name and make every finished run look unfinished.
     */
    @Override
    public String toString() {
        return "RunSpec[id=" + id + ", variant=" + variant + ", gruSize=" + gruSize + ", fraction=" + fraction
                + ", seed=" + seed + "]";
    }
}
