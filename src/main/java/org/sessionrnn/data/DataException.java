package org.sessionrnn.data;

/**
 * A problem with input data or data settings, reported to the user by its message alone. Messages from readers
 * have the form {@code file:line: what is wrong 'offending text' (what was expected)}.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
