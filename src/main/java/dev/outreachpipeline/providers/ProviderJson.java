package dev.outreachpipeline.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's JSON answer (DataForSEO's {@code status_code, status_message, cost, tasks[]}, Hunter's
 * {@code {data, meta}} or {@code {errors:[…]}}), read tolerantly: a missing or mistyped field is null,
 * never an exception, so that the caller can say exactly what was wrong with the answer.
 */
public final class ProviderJson {

    /**
     * Floats as BigDecimal, trailing zeros kept: costs are money, and items and {@code data} are stored
     * back as JSON, which should read as the provider wrote it.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final int SNIPPET_LENGTH = 160;

    private final JsonNode root;
    private final String body;

    private ProviderJson(JsonNode root, String body) {
        this.root = root;
        this.body = body;
    }

    public static ProviderJson read(String body) {
        if (body == null || body.isBlank()) {
            return new ProviderJson(null, body);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            return new ProviderJson(root != null && root.isObject() ? root : null, body);
        } catch (JsonProcessingException e) {
            return new ProviderJson(null, body);
        }
    }

    /** False for an empty, truncated or non-JSON body, or JSON that is not an object. */
    public boolean isObject() {
        return root != null;
    }

    /** A top-level whole number that fits an int, or null. */
    public Integer integer(String field) {
        return integer(root, field);
    }

    /** A top-level string, or null. */
    public String text(String field) {
        return text(root, field);
    }

    /** A top-level number, or null. */
    public BigDecimal decimal(String field) {
        return decimal(root, field);
    }

    /** A top-level object, or null when there is none. */
    public JsonNode object(String field) {
        JsonNode v = root == null ? null : root.get(field);
        return v != null && v.isObject() ? v : null;
    }

    /** The elements of a top-level array, or null when the answer has no such array. */
    public List<JsonNode> array(String field) {
        JsonNode v = root == null ? null : root.get(field);
        if (v == null || !v.isArray()) {
            return null;
        }
        var list = new ArrayList<JsonNode>();
        v.forEach(list::add);
        return list;
    }

    /** The node at a path of field names (e.g. {@code meta, params}), or null when any step is missing. */
    public JsonNode at(String... fields) {
        JsonNode node = root;
        for (String field : fields) {
            node = node == null ? null : node.get(field);
        }
        return node;
    }

    /** The start of the body on one line, to show in a reason when it could not be read: {@code body "…"} or {@code empty body}. */
    public String snippet() {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "body \"" + (flat.length() > SNIPPET_LENGTH ? flat.substring(0, SNIPPET_LENGTH) + "…" : flat) + "\"";
    }

    /** A node written back as JSON, numbers as they were read. */
    public static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON node could not be written back", e);
        }
    }

    public static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.decimalValue() : null;
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }
}
