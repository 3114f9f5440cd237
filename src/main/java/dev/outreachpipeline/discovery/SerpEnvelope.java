package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope every DataForSEO answer shares ({@code status_code, status_message, cost, tasks[]}), read
 * tolerantly: a missing or mistyped field is null, never an exception, so that the caller can say
 * exactly what was wrong with the answer.
 */
final class SerpEnvelope {

    /**
     * Floats as BigDecimal, trailing zeros kept: costs are money, and items are stored back as JSON,
     * which should read as DataForSEO wrote it.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final int SNIPPET_LENGTH = 160;

    private final JsonNode root;
    private final String body;

    private SerpEnvelope(JsonNode root, String body) {
        this.root = root;
        this.body = body;
    }

    static SerpEnvelope read(String body) {
        if (body == null || body.isBlank()) {
            return new SerpEnvelope(null, body);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            return new SerpEnvelope(root != null && root.isObject() ? root : null, body);
        } catch (JsonProcessingException e) {
            return new SerpEnvelope(null, body);
        }
    }

    /** False for an empty, truncated or non-JSON body, or JSON that is not an object. */
    boolean isObject() {
        return root != null;
    }

    Integer statusCode() {
        return integer(root, "status_code");
    }

    String statusMessage() {
        return text(root, "status_message");
    }

    BigDecimal cost() {
        return decimal(root, "cost");
    }

    /** The tasks, or null when the answer has no {@code tasks} array. */
    List<JsonNode> tasks() {
        JsonNode tasks = root == null ? null : root.get("tasks");
        if (tasks == null || !tasks.isArray()) {
            return null;
        }
        var list = new ArrayList<JsonNode>();
        tasks.forEach(list::add);
        return list;
    }

    /** The start of the body on one line, to show in a reason when it could not be read: {@code body "…"} or {@code empty body}. */
    String snippet() {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "body \"" + (flat.length() > SNIPPET_LENGTH ? flat.substring(0, SNIPPET_LENGTH) + "…" : flat) + "\"";
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.decimalValue() : null;
    }
}
