package org.sessionrnn.runner;

/** The grid stopped on Ctrl-C; the message says which run resumes, and from where, on the next run of the spec. */
public final class GridInterruptedException extends RuntimeException {
    public GridInterruptedException(String message) {
        super(message);
    }
}
