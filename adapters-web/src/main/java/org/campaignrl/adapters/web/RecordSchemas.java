package org.campaignrl.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI 3.0 schemas of the records the API answers with, read from the records themselves so that the
 * document cannot drift from what Jackson writes.
 *
 * <p>One component per record, named after it without its {@code Json}/{@code View} suffix (a record nested in
 * another record is prefixed with the outer one's name). Property names are Jackson's ({@code @JsonProperty});
 * an {@code @JsonUnwrapped} component becomes an {@code allOf}. A primitive is always present and never null.
 * A text, boxed number or nested object may be null; lists and maps are always present — except in a record
 * that leaves nulls out ({@code @JsonInclude(NON_NULL)}), where any of them may be missing instead.
 */
final class RecordSchemas {
    static final String PREFIX = "#/components/schemas/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode components;
    private final Map<Class<?>, String> names = new HashMap<>();

    /** @param components the document's {@code components.schemas}, to which every record met is added */
    RecordSchemas(ObjectNode components) {
        this.components = components;
    }

    /** {@code {"$ref": …}} to the record's component, adding it (and the records it holds) on first use. */
    ObjectNode ref(Class<?> record) {
        return ref(nameOf(record));
    }

    static ObjectNode ref(String componentName) {
        return JSON.objectNode().put("$ref", PREFIX + componentName);
    }

    static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode array = JSON.objectNode().put("type", "array");
        array.set("items", items);
        return array;
    }

    /** The component of a record, for descriptions to be added to it. */
    ObjectNode component(Class<?> record) {
        return (ObjectNode) components.get(nameOf(record));
    }

    /** Adds a description to one property of a record's component. */
    RecordSchemas describe(Class<?> record, String property, String description) {
        property(record, property).put("description", description);
        return this;
    }

    /** Limits a text property of a record's component to the names of an enum's constants, which it writes. */
    RecordSchemas oneOf(Class<?> record, String property, Class<? extends Enum<?>> values) {
        ArrayNode allowed = property(record, property).putArray("enum");
        for (Enum<?> constant : values.getEnumConstants()) {
            allowed.add(constant.name());
        }
        return this;
    }

    private ObjectNode property(Class<?> record, String property) {
        JsonNode properties = component(record).path("properties");
        if (!properties.has(property)) {
            throw new IllegalArgumentException(record.getSimpleName() + " has no property " + property);
        }
        return (ObjectNode) properties.get(property);
    }

    private String nameOf(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        String known = names.get(record);
        if (known != null) {
            return known;
        }
        String name = componentName(record);
        if (components.has(name)) {
            throw new IllegalStateException("two schemas would be named " + name + "; one is " + record);
        }
        names.put(record, name);
        components.set(name, JSON.objectNode()); // taken before building: a record may hold itself
        components.set(name, objectSchema(record));
        return name;
    }

    private static String componentName(Class<?> record) {
        String name = record.getSimpleName().replaceFirst("(Json|View)$", "");
        Class<?> outer = record.getEnclosingClass();
        return outer != null && outer.isRecord() ? componentName(outer) + name : name;
    }

    private ObjectNode objectSchema(Class<?> record) {
        JsonInclude include = record.getAnnotation(JsonInclude.class);
        boolean omitsNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        ArrayNode unwrapped = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                unwrapped.add(schemaOf(component.getGenericType()));
                continue;
            }
            String property = propertyName(component);
            ObjectNode propertySchema = schemaOf(component.getGenericType());
            Class<?> type = component.getType();
            if (!omitsNulls && mayBeNull(type)) {
                propertySchema = nullable(propertySchema);
            }
            properties.set(property, propertySchema);
            if (type.isPrimitive() || !omitsNulls) {
                required.add(property);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        if (unwrapped.isEmpty()) {
            return schema;
        }
        ObjectNode combined = JSON.objectNode();
        combined.set("allOf", unwrapped.add(schema));
        return combined;
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    /** Marked nullable: every reference but lists and maps, which our records never leave null. */
    private static boolean mayBeNull(Class<?> type) {
        return !type.isPrimitive() && !List.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }

    /** OpenAPI 3.0 ignores siblings of a {@code $ref}: a nullable reference is wrapped in {@code allOf}. */
    static ObjectNode nullable(ObjectNode schema) {
        if (!schema.has("$ref")) {
            return schema.deepCopy().put("nullable", true);
        }
        ObjectNode wrapped = JSON.objectNode().put("nullable", true);
        wrapped.putArray("allOf").add(schema);
        return wrapped;
    }

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return arrayOf(schemaOf(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
        } else if (type instanceof Class<?> plain) {
            ObjectNode scalar = scalarSchema(plain);
            if (scalar != null) {
                return scalar;
            }
            if (plain.isRecord()) {
                return ref(plain);
            }
        }
        throw new IllegalArgumentException("no JSON schema for " + type);
    }

    private static ObjectNode scalarSchema(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int32");
        }
        if (type == long.class || type == Long.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int64");
        }
        if (type == double.class || type == Double.class) {
            return JSON.objectNode().put("type", "number").put("format", "double");
        }
        if (type == boolean.class || type == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (type == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (type.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        return null;
    }
}
