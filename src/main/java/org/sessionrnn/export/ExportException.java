package org.sessionrnn.export;

/** A run that cannot be exported, or an export folder that cannot be read: a message for the user. */
public final class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
