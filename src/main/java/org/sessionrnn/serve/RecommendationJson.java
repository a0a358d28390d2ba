package org.sessionrnn.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a recommendation, shared by {@code recommend --format jsonl} and the HTTP predictions:
 * {@code {"items": [...], "scores": [...]}} as TF Serving's predict API returns outputs, plus {@code skipped}
 * (ids not in the catalogue) when there are any and {@code "fallback": "popular"} when the items are the most
 * clicked ones.
 */
public final class RecommendationJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RecommendationJson() {
    }

    /** The recommendation as a JSON object. */
    public static ObjectNode of(Recommendation r) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode items = node.putArray("items");
        for (long id : r.items()) {
            items.add(id);
        }
        ArrayNode scores = node.putArray("scores");
        for (float s : r.scores()) {
            scores.add(s);
        }
        if (!r.skipped().isEmpty()) {
            ArrayNode skipped = node.putArray("skipped");
            r.skipped().forEach(skipped::add);
        }
        if (r.popular()) {
            node.put("fallback", "popular");
        }
        return node;
    }
}
