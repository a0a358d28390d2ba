package org.sessionrnn.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.sessionrnn.io.ParserMessages;

/**
 * A predict request in TF Serving's row format, {@code {"instances": [{"items": [id, ...]}, ...]}}, read
 * strictly: each instance is an object with an {@code items} array of integer item ids (or, as TF Serving allows
 * for a model with one input, the array itself); optional {@code "signature_name": "serving_default"} and this
 * server's extension {@code "k"} (items per session). Anything else is a 400 with the reason.
 *
 * @param sessions the instances
 * @param k        items per session, or 0 for the server's default
 */
record PredictRequest(List<SessionInput> sessions, int k) {
    private static final Set<String> FIELDS = Set.of("instances", "signature_name", "k");
    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                            .maxNumberLength(40).maxStringLength(100_000).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parses a request body.
     *
     * @param maxInstances most sessions in one request
     * @param maxItems     most ids in one session
     */
    static PredictRequest parse(byte[] body, int maxInstances, int maxItems) {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw bad("the body must be a JSON object with an 'instances' array");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("inputs")) {
                throw bad("only the row format ('instances') is supported, not the columnar 'inputs'");
            }
            if (!FIELDS.contains(name)) {
                throw bad("unknown field '" + name + "' (expected 'instances', optional 'k', 'signature_name')");
            }
        }
        JsonNode signature = root.get("signature_name");
        if (signature != null && !("serving_default".equals(signature.asText()) && signature.isTextual())) {
            throw bad("unknown signature_name " + signature + " (this model has 'serving_default')");
        }
        int k = readK(root.get("k"));
        JsonNode instances = root.get("instances");
        if (instances == null) {
            throw bad("missing 'instances'");
        }
        if (!instances.isArray()) {
            throw bad("'instances' must be an array, got " + kind(instances));
        }
        if (instances.isEmpty()) {
            throw bad("'instances' is empty");
        }
        if (instances.size() > maxInstances) {
            throw bad("too many instances: " + instances.size() + " (at most " + maxInstances + " per request)");
        }
        List<SessionInput> sessions = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            sessions.add(session(instances.get(i), i, maxItems));
        }
        return new PredictRequest(sessions, k);
    }

    private static JsonNode readJson(byte[] body) {
        if (body.length == 0) {
            throw bad("empty body: expected {\"instances\": [{\"items\": [...]}, ...]}");
        }
        try {
            JsonNode root = STRICT.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw bad("empty body: expected {\"instances\": [{\"items\": [...]}, ...]}");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw bad("malformed JSON: " + oneLine(ParserMessages.plain(e.getOriginalMessage(), "")) + location(e));
        } catch (IOException e) {
            throw bad("unreadable body: " + oneLine(e.getMessage()));
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
                + e.getLocation().getColumnNr();
    }

    private static int readK(JsonNode k) {
        if (k == null) {
            return 0;
        }
        if (!k.isIntegralNumber() || !k.canConvertToInt() || k.asInt() < 1) {
            throw bad("'k' must be a positive integer, got " + k);
        }
        return k.asInt();
    }

    private static SessionInput session(JsonNode instance, int i, int maxItems) {
        JsonNode items;
        if (instance.isArray()) {
            items = instance;
        } else if (instance.isObject()) {
            items = instance.get("items");
            if (items == null) {
                throw bad("instance " + i + ": missing 'items'");
            }
            if (instance.size() > 1) {
                throw bad("instance " + i + ": unknown field besides 'items'");
            }
            if (!items.isArray()) {
                throw bad("instance " + i + ": 'items' must be an array of item ids, got " + kind(items));
            }
        } else {
            throw bad("instance " + i + " must be an object {\"items\": [...]}, got " + kind(instance));
        }
        if (items.size() > maxItems) {
            throw bad("instance " + i + ": " + items.size() + " items (at most " + maxItems + ")");
        }
        long[] ids = new long[items.size()];
        for (int j = 0; j < ids.length; j++) {
            JsonNode id = items.get(j);
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw bad("instance " + i + ": item " + j + " must be an integer item id, got " + kind(id)
                        + (id.isValueNode() ? " " + abbreviate(id.toString()) : ""));
            }
            ids[j] = id.asLong();
        }
        return SessionInput.of(ids);
    }

    private static String kind(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? "an integer" : "an integer out of range";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a fractional number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }

    static HttpError bad(String reason) {
        return new HttpError(400, reason);
    }
}
