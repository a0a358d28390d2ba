package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed YAML document together with the location of each of its nodes. The root is mutable so that
 * {@link OverrideApplier} can edit it before validation.
 */
final class LocatedTree {
    private JsonNode root;
    private final SourceMap where;

    LocatedTree(JsonNode root, SourceMap where) {
        this.root = root;
        this.where = where;
    }

    JsonNode root() {
        return root;
    }

    void replaceRoot(JsonNode newRoot) {
        this.root = newRoot;
    }

    SourceMap where() {
        return where;
    }
}
