package org.sessionrnn.data;

import java.io.PrintStream;

/** Told the size of the data after each preprocessing step, so that runs can log how the data was filtered. */
@FunctionalInterface
public interface PreprocessListener {
    /** Ignores every step. */
    PreprocessListener NONE = (step, clicks, sessions, items) -> { };

    void step(String step, int clicks, int sessions, int items);

    /** Prints one aligned line per step. */
    static PreprocessListener printingTo(PrintStream out) {
        return (step, clicks, sessions, items) -> out.printf("%-52s %,12d clicks %,11d sessions %,8d items%n", step,
                clicks, sessions, items);
    }
}
