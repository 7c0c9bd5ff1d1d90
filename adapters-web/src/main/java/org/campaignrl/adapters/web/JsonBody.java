package org.campaignrl.adapters.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.campaignrl.application.InvalidCommandException;

/**
 * Reads a request's JSON body field by field, so that every problem names the field at fault. A body holds only
 * the fields its schema names ({@link OpenApiSchemas}), each once: a typo such as {@code {"episode": 5}} would
 * otherwise start a training with the defaults, and a repeated key would silently take its last value.
 */
final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /**
     * @param fields the fields the body may hold; any other is refused, naming it
     * @param mapper a mapper that refuses duplicate keys ({@link WebServer#jsonMapper})
     */
    static JsonBody parse(ObjectMapper mapper, String body, Set<String> fields) {
        if (body == null || body.isBlank()) {
            throw new InvalidCommandException("body", "a JSON object is required");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonParseException e) {
            throw new InvalidCommandException(
                    duplicateKey(e).orElse("body"), "malformed JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException("body", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCommandException("body", "must be a JSON object");
        }
        refuseUnknown(root, fields);
        return new JsonBody(root);
    }

    /** An empty body reads as an empty object: every field takes its default. */
    static JsonBody parseOrEmpty(ObjectMapper mapper, String body, Set<String> fields) {
        return body == null || body.isBlank() ? new JsonBody(mapper.createObjectNode()) : parse(mapper, body, fields);
    }

    /**
     * A request that takes no body (activate, roll back, cancel): none, or an empty object, passes; a field is
     * refused, naming it, since the caller meant something by it ({@code {"modelId": 3}} to roll back, say).
     */
    static void none(ObjectMapper mapper, String body) {
        parseOrEmpty(mapper, body, Set.of());
    }

    private static void refuseUnknown(JsonNode root, Set<String> fields) {
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidCommandException(
                    unknown.get(0),
                    (unknown.size() == 1 ? "unknown field '" : "unknown fields '")
                            + String.join("', '", unknown)
                            + (fields.isEmpty()
                                    ? "': this request takes no body"
                                    : "': the fields of this body are "
                                            + String.join(
                                                    ", ",
                                                    fields.stream().sorted().toList())));
        }
    }

    /** The key a parser refused as repeated (it stands at that key when it refuses it), if that is the problem. */
    private static Optional<String> duplicateKey(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null
                || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parser.currentName());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    boolean isText(String field) {
        return has(field) && root.get(field).isTextual();
    }

    String requiredText(String field) {
        JsonNode node = required(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidCommandException(field, "must be a non-empty string");
        }
        return node.asText();
    }

    int optionalInt(String field, int fallback) {
        return has(field) ? requiredInt(field) : fallback;
    }

    long optionalLong(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode node = root.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidCommandException(field, "must be an integer, was " + node);
        }
        return node.longValue();
    }

    double optionalDouble(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode node = root.get(field);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidCommandException(field, "must be a number, was " + node);
        }
        return node.doubleValue();
    }

    boolean optionalBoolean(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode node = root.get(field);
        if (!node.isBoolean()) {
            throw new InvalidCommandException(field, "must be true or false, was " + node);
        }
        return node.booleanValue();
    }

    /** The body's scalar fields as text, for readers shared with forms. */
    Fields asFields() {
        return new Fields(field ->
                has(field) && root.get(field).isValueNode() ? root.get(field).asText() : null);
    }

    int requiredInt(String field) {
        return toInt(required(field), field);
    }

    int[] requiredIntArray(String field) {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw new InvalidCommandException(field, "must be an array of integers");
        }
        int[] values = new int[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toInt(node.get(i), field + "[" + i + "]");
        }
        return values;
    }

    private JsonNode required(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidCommandException(field, "is required");
        }
        return node;
    }

    private static int toInt(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidCommandException(field, "must be an integer, was " + node);
        }
        return node.intValue();
    }
}
