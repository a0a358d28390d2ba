package org.sessionrnn.claims;

/**
 * A results folder cannot be shared as asked: another, incompatible worker uses it, or claims cannot be made
 * atomically on its file system. Reported as one line with exit code 2; nothing is left written.
 */
public final class ClaimException extends RuntimeException {
    public ClaimException(String message) {
        super(message);
    }
}
