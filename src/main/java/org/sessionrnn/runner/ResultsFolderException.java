package org.sessionrnn.runner;

/**
 * The experiment's results folder cannot be used: another runner holds its lock, or the path is not a writable
 * folder. Reported as one line with exit code 2, like other problems the user must fix before a run can start.
 */
public final class ResultsFolderException extends RuntimeException {
    public ResultsFolderException(String message) {
        super(message);
    }
}
