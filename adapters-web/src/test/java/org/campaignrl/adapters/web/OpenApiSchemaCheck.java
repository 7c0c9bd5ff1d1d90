package org.campaignrl.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.0 document, for the subset the document uses:
 * {@code $ref}, {@code allOf}, {@code oneOf}, {@code nullable}, {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code enum}, {@code minItems}/{@code maxItems}.
 *
 * <p>Stricter than OpenAPI in one way, on purpose: an object property that its schema does not name (and no
 * {@code additionalProperties} allows) is a problem, so that an answer cannot grow fields the document lacks.
 */
final class OpenApiSchemaCheck {
    private final JsonNode document;

    OpenApiSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every way {@code value} departs from {@code schema}, each with its JSON path; empty when it conforms. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", true, problems);
        return problems;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            resolved = document.at(ref.substring(1));
            if (resolved.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable reference " + ref);
            }
        }
        return resolved;
    }

    private void check(JsonNode value, JsonNode schemaOrRef, String path, boolean strict, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": null, but not nullable");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, path, false, problems);
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode part : schema.get("oneOf")) {
                List<String> partProblems = new java.util.ArrayList<>();
                check(value, part, path, strict, partProblems);
                matching += partProblems.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                problems.add(path + ": " + value + " matches " + matching + " of " + schema.get("oneOf"));
            }
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, problems);
            case "array" -> checkArray(value, schema, path, problems);
            case "string" -> expect(value.isTextual(), value, "a string", path, problems);
            case "integer" -> expect(value.isIntegralNumber(), value, "an integer", path, problems);
            case "number" -> expect(value.isNumber(), value, "a number", path, problems);
            case "boolean" -> expect(value.isBoolean(), value, "a boolean", path, problems);
            default -> {
                // No type: anything goes at this level (an allOf, or a free-form object).
            }
        }
        if (strict && value.isObject()) {
            Set<String> known = knownProperties(schema);
            if (known != null) {
                value.fieldNames().forEachRemaining(name -> {
                    if (!known.contains(name)) {
                        problems.add(path + "." + name + ": not in the schema");
                    }
                });
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": " + abbreviate(value) + " is not an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required, but missing");
            }
        }
        JsonNode properties = schema.path("properties");
        value.fields().forEachRemaining(field -> {
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), fieldPath, true, problems);
            } else if (schema.path("additionalProperties").isObject()) {
                check(field.getValue(), schema.get("additionalProperties"), fieldPath, true, problems);
            }
        });
    }

    private void checkArray(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isArray()) {
            problems.add(path + ": " + abbreviate(value) + " is not an array");
            return;
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(path + ": more than " + schema.get("maxItems") + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), schema.path("items"), path + "[" + i + "]", true, problems);
        }
    }

    /** The properties an object may have under this schema and its allOf parts; null when any name will do. */
    private Set<String> knownProperties(JsonNode schemaOrRef) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("additionalProperties") && !BooleanNode.FALSE.equals(schema.get("additionalProperties"))) {
            return null;
        }
        Set<String> known = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(known::add);
        for (JsonNode part : schema.path("allOf")) {
            Set<String> partKnown = knownProperties(part);
            if (partKnown == null) {
                return null;
            }
            known.addAll(partKnown);
        }
        return known;
    }

    private static void expect(boolean holds, JsonNode value, String what, String path, List<String> problems) {
        if (!holds) {
            problems.add(path + ": " + abbreviate(value) + " is not " + what);
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
