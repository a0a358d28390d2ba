package org.sessionrnn.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.sessionrnn.io.ParserMessages;

/**
 * Parses YAML text into a Jackson tree, recording the line and column of every key and value in a
 * {@link SourceMap}. Rejects duplicate keys and more than one document; turns parser errors into one-line
 * {@link SpecException}s carrying the parser's line and column.
 */
final class YamlTreeReader {
    /** Turns a 1-based line and column into the location text used in messages. */
    @FunctionalInterface
    interface Origin {
        String at(int line, int column);
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Origin origin;
    private final SourceMap where = new SourceMap();

    private YamlTreeReader(Origin origin) {
        this.origin = origin;
    }

    /** Parses {@code text}; an empty document gives a {@link MissingNode} root. */
    static LocatedTree read(String text, Origin origin) {
        YamlTreeReader reader = new YamlTreeReader(origin);
        try (YAMLParser parser = FACTORY.createParser(text)) {
            return new LocatedTree(reader.document(parser), reader.where);
        } catch (JsonProcessingException e) {
            throw malformed(e, origin);
        } catch (IOException e) {
            throw SpecException.at(origin.at(1, 1), "", "cannot parse YAML: " + e.getMessage());
        }
    }

    private JsonNode document(YAMLParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value(parser, "");
        if (parser.nextToken() != null) {
            throw SpecException.at(here(parser), "", "expected a single YAML document, found another one");
        }
        return root;
    }

    private JsonNode value(YAMLParser parser, String path) throws IOException {
        where.value(path, here(parser));
        refuseAnchorsAndAliases(parser, path);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(floatValue(parser));
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw SpecException.at(here(parser), path, "unsupported YAML content " + token);
        };
    }

    /**
     * A float scalar. YAML's {@code .nan}, {@code .inf} and {@code -.inf} (any case) are floats that the parser
     * cannot convert; they become NaN and infinities here, so that the key they are given to can name them.
     */
    private static double floatValue(YAMLParser parser) throws IOException {
        String text = parser.getText().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case ".nan" -> Double.NaN;
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            default -> parser.getDoubleValue();
        };
    }

    /**
     * YAML anchors ({@code &name}), aliases ({@code *name}) and merge keys ({@code <<}) are refused: the parser
     * would hand an alias over as the plain text of its name, so {@code gru_sizes: *sizes} would read as the
     * string 'sizes' and an aliased label would silently make a second variant.
     */
    private void refuseAnchorsAndAliases(YAMLParser parser, String path) throws IOException {
        if (parser.isCurrentAlias()) {
            throw SpecException.at(here(parser), path, "YAML alias '*" + parser.getText() + "' is not supported; "
                    + "write the value out (anchors, aliases and merge keys are not expanded)");
        }
        String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
        if (anchor != null) {
            throw SpecException.at(here(parser), path, "YAML anchor '&" + anchor + "' is not supported; write "
                    + "the values out (anchors, aliases and merge keys are not expanded)");
        }
    }

    private ObjectNode object(YAMLParser parser, String path) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if ("<<".equals(key)) {
                throw SpecException.at(here(parser), path, "YAML merge key '<<' is not supported; write the keys "
                        + "out (anchors, aliases and merge keys are not expanded)");
            }
            String child = SourceMap.child(path, key);
            if (node.has(key)) {
                throw SpecException.at(here(parser), path, "duplicate key '" + key + "'");
            }
            where.key(child, here(parser));
            parser.nextToken();
            node.set(key, value(parser, child));
        }
        return node;
    }

    private ArrayNode array(YAMLParser parser, String path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(parser, SourceMap.element(path, node.size())));
        }
        return node;
    }

    private String here(YAMLParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return origin.at(at.getLineNr(), at.getColumnNr());
    }

    private static SpecException malformed(JsonProcessingException e, Origin origin) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return SpecException.at(origin.at(mark.getLine() + 1, mark.getColumn() + 1), "",
                    "malformed YAML: " + marked.getProblem() + context(marked));
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        String first = ParserMessages.plain(e.getOriginalMessage(), "");
        return SpecException.at(origin.at(line, column), "", "malformed YAML: " + first);
    }

    private static String context(MarkedYAMLException marked) {
        if (marked.getContext() == null) {
            return "";
        }
        Mark mark = marked.getContextMark();
        String started = mark == null ? "" : " started at line " + (mark.getLine() + 1) + ", column "
                + (mark.getColumn() + 1);
        return " (" + marked.getContext() + started + ")";
    }
}
