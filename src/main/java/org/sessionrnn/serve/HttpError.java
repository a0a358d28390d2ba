package org.sessionrnn.serve;

/** A request the server refuses: the HTTP status and a one-line reason for the client. */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The body of every refusal: {@code {"error": "one line"}}. */
    static String json(String reason) {
        return RecommendationJson.MAPPER.createObjectNode().put("error", reason.replaceAll("[\\r\\n]+", " "))
                .toString();
    }
}
