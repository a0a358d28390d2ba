package org.sessionrnn.spec;

import org.sessionrnn.io.Limits;

/** Reads and checks the {@code protocol} section of a spec into a {@link ProtocolSpec}. */
final class ProtocolReader {
    private static final Interval VALIDATION_SHARE = new Interval(0, false, 0.5, true);

    private ProtocolReader() {
    }

    static ProtocolSpec read(Section s) {
        s.checkKeys(Schema.PROTOCOL_KEYS, key -> true, "");
        ProtocolSpec d = ProtocolSpec.DEFAULT;
        return new ProtocolSpec(
                s.list("fractions", d.fractions(), Value::asFraction, "fraction"),
                s.decimal("validation_share", d.validationShare(), VALIDATION_SHARE),
                s.integer("max_length", d.maxLength(), Interval.upTo(1, Limits.MAX_STEPS)),
                s.integer("cutoff", d.cutoff(), Interval.upTo(1, Limits.MAX_TOP)));
    }
}
