package dev.outreachpipeline.enrichment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape every Hunter answer shares ({@code {data, meta}} or {@code {errors:[{id, code, details}]}}),
 * read tolerantly: a missing or mistyped field is null, never an exception, so that the caller can say
 * exactly what was wrong with the answer.
 */
final class HunterEnvelope {

    /** Floats as BigDecimal, trailing zeros kept: {@code data} is stored back as JSON and should read as Hunter wrote it. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final int SNIPPET_LENGTH = 160;

    /** One entry of Hunter's {@code errors} array; any part may be null. */
    record Error(String id, Integer code, String details) {
    }

    private final JsonNode root;
    private final String body;

    private HunterEnvelope(JsonNode root, String body) {
        this.root = root;
        this.body = body;
    }

    static HunterEnvelope read(String body) {
        if (body == null || body.isBlank()) {
            return new HunterEnvelope(null, body);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            return new HunterEnvelope(root != null && root.isObject() ? root : null, body);
        } catch (JsonProcessingException e) {
            return new HunterEnvelope(null, body);
        }
    }

    /** False for an empty, truncated or non-JSON body, or JSON that is not an object. */
    boolean isObject() {
        return root != null;
    }

    /** The {@code data} object, or null when there is none. */
    JsonNode data() {
        JsonNode data = root == null ? null : root.get("data");
        return data != null && data.isObject() ? data : null;
    }

    /** {@code meta.params.<name>} as text (the parameters Hunter says it was asked with), or null. */
    String metaParam(String name) {
        return root == null ? null : text(root.path("meta").path("params"), name);
    }

    /** The entries of {@code errors} that are objects; empty when there is no such array. */
    List<Error> errors() {
        var errors = new ArrayList<Error>();
        JsonNode array = root == null ? null : root.get("errors");
        if (array != null && array.isArray()) {
            for (JsonNode e : array) {
                if (e.isObject()) {
                    errors.add(new Error(text(e, "id"), integer(e, "code"), text(e, "details")));
                }
            }
        }
        return errors;
    }

    /** The start of the body on one line, to show in a reason when it could not be read: {@code body "…"} or {@code empty body}. */
    String snippet() {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "body \"" + (flat.length() > SNIPPET_LENGTH ? flat.substring(0, SNIPPET_LENGTH) + "…" : flat) + "\"";
    }

    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON node could not be written back", e);
        }
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }
}
