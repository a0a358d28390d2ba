package org.sessionrnn.cli;

/** A command-line problem found after parsing (e.g. a folder that is not an experiment). Exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
