package org.sessionrnn.results;

/**
 * A results file that cannot be used as input ({@code run.json}, {@code summary.csv}): unreadable, malformed,
 * missing a field or a column, or holding a value of the wrong kind. The message is one line that names the file;
 * the command line reports it as bad input (exit code 2).
 */
public final class ResultsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the problem */
    public ResultsFileException(String message) {
        super(message);
    }

    /** @param message one line naming the file and the problem; {@code cause} for --debug */
    public ResultsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
