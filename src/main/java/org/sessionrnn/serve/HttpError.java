package org.sessionrnn.serve;

/** A request the server refuses: the HTTP status and a one-line reason for the client. */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String reason) {
        super(reason);
        this.status = status;
    }
}
