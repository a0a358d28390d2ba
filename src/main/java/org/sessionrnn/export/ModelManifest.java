package org.sessionrnn.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.sessionrnn.io.ParserMessages;

/**
 * What a reader of an export needs from its model.json.
 *
 * @param model   model kind, e.g. {@code m4}
 * @param version the version folder's number
 * @param items   catalogue size
 * @param steps   input steps of the signature
 * @param top     items the signature returns per session
 * @param score   what a score is ({@code logit}, {@code cosine})
 * @param json    the whole file, for display
 */
public record ModelManifest(String model, int version, int items, int steps, int top, String score, JsonNode json) {
    /** The value of model.json's {@code format} field. */
    public static final String FORMAT = "sessionrnn-savedmodel-1";

    /** Reads and checks the model.json of a version folder. */
    public static ModelManifest read(Path versionDir) throws IOException {
        Path file = versionDir.resolve(ExportLayout.EXTRA).resolve(ExportLayout.MANIFEST);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ExportException(file + ": not readable as JSON (" + ParserMessages.plain(e.getMessage(),
                    "unreadable") + ")");
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new ExportException(file + ": not a model.json of this exporter (format " + FORMAT + " expected)");
        }
        return new ModelManifest(json.path("model").asText(), json.path("version").asInt(),
                positive(json, "items", file), positive(json, "steps", file), positive(json, "top", file),
                json.path("score").asText(), json);
    }

    private static int positive(JsonNode json, String field, Path file) {
        int v = json.path(field).asInt(0);
        if (v < 1) {
            throw new ExportException(file + ": field '" + field + "' missing or not a positive integer");
        }
        return v;
    }

}
