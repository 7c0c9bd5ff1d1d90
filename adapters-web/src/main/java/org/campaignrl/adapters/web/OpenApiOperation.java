package org.campaignrl.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills in one operation of the OpenAPI document: parameters, request body, answers. Every operation may fail
 * with a 500, a 415 (an unknown charset) and a 421 (a host the server does not answer to); by its route's
 * {@link Access} rule, with 401 and 429 when the server has users and it needs a token, and with 403 when it
 * changes something (a role that may not, another site's page). The other errors it can answer are named with
 * {@link #errors}, each a shared response whose body is the one error shape, {@code ApiError}.
 */
final class OpenApiOperation {
    static final String JSON = "application/json";

    private final ObjectNode operation;

    OpenApiOperation(ObjectNode operation, String tag, String operationId, String summary, Access access) {
        this.operation = operation;
        operation.putArray("tags").add(tag);
        operation.put("operationId", operationId);
        operation.put("summary", summary);
        operation.putObject("responses");
        if (access.needs() == Access.Needs.NOTHING) {
            // Open to anyone, users or not: no token asked, so none refused.
            operation.putArray("security");
        } else {
            errors(401, 429);
        }
        if (access.changes() || access.refusesSomeRoles()) {
            errors(403);
        }
        errors(415, 421, 500);
    }

    OpenApiOperation description(String text) {
        operation.put("description", text);
        return this;
    }

    OpenApiOperation pathParameter(String name, String description, ObjectNode schema, Object example) {
        return parameter("path", name, true, description, schema, example);
    }

    OpenApiOperation queryParameter(String name, boolean required, String description, ObjectNode schema) {
        return parameter("query", name, required, description, schema, null);
    }

    private OpenApiOperation parameter(
            String in, String name, boolean required, String description, ObjectNode schema, Object example) {
        ObjectNode parameter = operation
                .withArray("parameters")
                .addObject()
                .put("name", name)
                .put("in", in)
                .put("required", required)
                .put("description", description);
        parameter.set("schema", schema);
        if (example != null) {
            parameter.putPOJO("example", example);
        }
        return this;
    }

    OpenApiOperation jsonBody(boolean required, String description, ObjectNode schema, JsonNode example) {
        ObjectNode body =
                operation.putObject("requestBody").put("required", required).put("description", description);
        ObjectNode media = body.putObject("content").putObject(JSON);
        media.set("schema", schema);
        if (example != null) {
            media.set("example", example);
        }
        return this;
    }

    OpenApiOperation answers(int status, String description, ObjectNode schema) {
        return answers(status, description, schema, null);
    }

    OpenApiOperation answers(int status, String description, ObjectNode schema, JsonNode example) {
        ObjectNode response = responses().putObject(Integer.toString(status)).put("description", description);
        if (schema != null) {
            ObjectNode media = response.putObject("content").putObject(JSON);
            media.set("schema", schema);
            if (example != null) {
                media.set("example", example);
            }
        }
        return this;
    }

    /** An answer that is not JSON: its media type and a plain text schema. */
    OpenApiOperation answersText(int status, String description, String mediaType) {
        responses()
                .putObject(Integer.toString(status))
                .put("description", description)
                .putObject("content")
                .putObject(mediaType)
                .putObject("schema")
                .put("type", "string");
        return this;
    }

    /** The successful answers name the model version they came from in the {@code X-Model-Version} header. */
    OpenApiOperation withModelVersionHeader() {
        return withHeader(CompatibleApi.MODEL_VERSION_HEADER, OpenApiDocument.HEADERS + "ModelVersion");
    }

    /** The 202 answer points at the job it started. */
    OpenApiOperation withJobLocationHeader() {
        return withHeader("Location", OpenApiDocument.HEADERS + "JobLocation");
    }

    private OpenApiOperation withHeader(String name, String ref) {
        responses().fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("2")) {
                ((ObjectNode) entry.getValue())
                        .withObjectProperty("headers")
                        .putObject(name)
                        .put("$ref", ref);
            }
        });
        return this;
    }

    /** Shared error answers, e.g. {@code errors(400, 404)}; see {@link OpenApiDocument#ERRORS}. */
    OpenApiOperation errors(int... statuses) {
        for (int status : statuses) {
            String name = OpenApiDocument.ERRORS.get(status);
            if (name == null) {
                throw new IllegalArgumentException("no shared error answer for " + status);
            }
            responses().putObject(Integer.toString(status)).put("$ref", OpenApiDocument.RESPONSES + name);
        }
        return this;
    }

    private ObjectNode responses() {
        return (ObjectNode) operation.get("responses");
    }
}
