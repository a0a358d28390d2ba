package org.sessionrnn.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Progress output held back while an experiment is being checked: a start refused for bad input then prints its
 * one error line and nothing else, while a start that passes shows everything it held. Checks that take longer
 * than a few seconds (a large data file) stop holding, so the progress of long work is never hidden.
 */
public final class HeldOutput extends OutputStream {
    private final PrintStream target;
    private final long deadline;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean released;

    /**
     * @param target  where the output goes once released
     * @param seconds how long to hold at most
     */
    public HeldOutput(PrintStream target, double seconds) {
        this.target = target;
        this.deadline = System.nanoTime() + (long) (seconds * 1e9);
    }

    /** A print stream over this output. */
    public PrintStream stream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (released) {
            target.write(bytes, offset, length);
            return;
        }
        held.write(bytes, offset, length);
        if (System.nanoTime() > deadline) {
            release();
        }
    }

    /** Prints what was held and passes everything after it straight through. */
    public synchronized void release() {
        if (!released) {
            released = true;
            target.write(held.toByteArray(), 0, held.size());
            target.flush();
            held.reset();
        }
    }

    @Override
    public synchronized void flush() {
        if (released) {
            target.flush();
        }
    }
}
