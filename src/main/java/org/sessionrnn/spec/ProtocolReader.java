package org.sessionrnn.spec;

import java.util.List;
import org.sessionrnn.io.Limits;

/** Reads and checks the {@code protocol} section of a spec into a {@link ProtocolSpec}. */
final class ProtocolReader {
    private static final Interval VALIDATION_SHARE = new Interval(0, false, 0.5, true);

    private ProtocolReader() {
    }

    static ProtocolSpec read(Section s) {
        s.checkKeys(Schema.PROTOCOL_KEYS, key -> true, "");
        ProtocolSpec d = ProtocolSpec.DEFAULT;
        ProtocolSpec p = new ProtocolSpec(
                s.list("fractions", d.fractions(), Value::asFraction, "fraction"),
                s.decimal("validation_share", d.validationShare(), VALIDATION_SHARE),
                s.integer("max_length", d.maxLength(), Interval.upTo(1, Limits.MAX_STEPS)),
                s.integer("cutoff", d.cutoff(), Interval.upTo(1, Limits.MAX_TOP)),
                s.has("data_fraction") ? s.value("data_fraction").asFraction() : d.dataFraction(),
                s.choice("leaderboard", d.leaderboard(), ProtocolSpec.LEADERBOARDS, "leaderboard"));
        checkReportKeys(s, p);
        return p;
    }

    /** The leaderboard's metrics are those of the protocol, and every fraction of the full data is exact. */
    private static void checkReportKeys(Section s, ProtocolSpec p) {
        if (p.hasLeaderboard() && p.cutoff() != ProtocolSpec.LEADERBOARD_CUTOFF) {
            // a leaderboard of Recall@10 beside published Recall@20 would compare different metrics
            throw s.value("leaderboard").error("the published numbers are Recall@" + ProtocolSpec.LEADERBOARD_CUTOFF
                    + " and MRR@" + ProtocolSpec.LEADERBOARD_CUTOFF + ", but protocol.cutoff is " + p.cutoff()
                    + "; set cutoff to " + ProtocolSpec.LEADERBOARD_CUTOFF + " or leaderboard to none");
        }
        if (s.has("data_fraction")) {
            checkSharesOfFull(s.value("data_fraction"), p.fractions(), p.dataFraction());
        }
    }

    /**
     * Each of {@code fractions} of files holding {@code dataFraction} of the full data is a fraction the report can
     * write exactly; {@code at} is blamed otherwise.
     */
    static void checkSharesOfFull(Value at, List<Fraction> fractions, Fraction dataFraction) {
        for (Fraction f : fractions) {
            try {
                f.of(dataFraction);
            } catch (ArithmeticException e) {
                throw at.error("fraction " + f + " of protocol.data_fraction " + dataFraction
                        + " is too fine-grained: its denominator is beyond 2^31");
            }
        }
    }
}
