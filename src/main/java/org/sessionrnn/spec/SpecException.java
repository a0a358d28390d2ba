package org.sessionrnn.spec;

/**
 * An invalid experiment spec. The message is always one line of the form
 * {@code <where>: <field path>: <problem>}, where {@code <where>} is {@code file:line:column} for spec file content
 * or {@code --set key=value} / {@code --output DIR} for command-line overrides.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the complete one-line message */
    public SpecException(String message) {
        super(message);
    }

    /** Builds the message {@code where: field: problem} (the field part is left out when empty). */
    static SpecException at(String where, String field, String problem) {
        String prefix = field == null || field.isEmpty() ? "" : field + ": ";
        return new SpecException(where + ": " + prefix + problem);
    }
}
