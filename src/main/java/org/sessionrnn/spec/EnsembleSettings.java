package org.sessionrnn.spec;

import java.util.List;

/**
 * An ensemble: the mean of the softmax probabilities of other GRU variants' runs in the same cell (fraction and
 * seed). The component is the key of the same position in {@link #KEYS}.
 *
 * @param members {@link #MEMBERS}
 */
public record EnsembleSettings(List<String> members) implements ModelSettings {
    /** The fewest members an ensemble averages. */
    public static final int MIN_MEMBERS = 2;

    public static final Key<List<String>> MEMBERS = Key.labels("members", "the GRU variants whose predicted "
            + "probabilities the ensemble averages (m4 excepted: it scores by cosine), at least " + MIN_MEMBERS
            + ", each listed earlier in the spec with one GRU size; the ensemble runs in every fraction and seed "
            + "where all of them run");

    /** The keys. */
    public static final KeyTable<EnsembleSettings> KEYS = KeyTable.of(EnsembleSettings.class, MEMBERS);

    /** No members: a spec must name them. */
    public static final EnsembleSettings DEFAULT = KEYS.defaults();

    /** Copies the list. */
    public EnsembleSettings {
        members = List.copyOf(members);
    }

    @Override
    public KeyTable<EnsembleSettings> keyTable() {
        return KEYS;
    }
}
