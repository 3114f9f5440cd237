package dev.outreachpipeline.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Templates given in the settings row {@code email_template}, as a JSON object
 * {@code {"subject": "…", "text": "…", "html": "…"}} of FreeMarker templates, each optional; a
 * missing one comes from the template files.
 *
 * <p>The predecessor stored a plain JSON string there, a whole body with {@code {name}}
 * placeholders. It is refused rather than converted: guessing what its placeholders meant could
 * send text with holes or wrong names in it.
 */
final class TemplateOverride {

    static final String SETTING = "email_template";
    static final TemplateOverride NONE = new TemplateOverride(Map.of());

    private static final Map<String, String> FIELDS = Map.of(
            "subject", DraftRenderer.SUBJECT_TEMPLATE,
            "text", DraftRenderer.TEXT_TEMPLATE,
            "html", DraftRenderer.HTML_TEMPLATE);

    private static final String SHAPE = "it must be a JSON object of FreeMarker templates, "
            + "{\"subject\": \"…\", \"text\": \"…\", \"html\": \"…\"}, each one optional";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, String> byTemplate;

    private TemplateOverride(Map<String, String> byTemplate) {
        this.byTemplate = byTemplate;
    }

    /** The override of a template file, e.g. {@code subject.ftl}. */
    Optional<String> source(String templateName) {
        return Optional.ofNullable(byTemplate.get(templateName));
    }

    /**
     * @param json the setting's value; null, blank or JSON null mean no override
     * @throws DraftFailed when it is not such an object
     */
    static TemplateOverride parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DraftFailed(
                    "the setting '" + SETTING + "' is not valid JSON (" + e.getOriginalMessage() + "); " + SHAPE, e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return NONE;
        }
        if (root.isTextual()) {
            throw new DraftFailed("the setting '" + SETTING + "' is a plain string (the predecessor's template with"
                    + " {name}-style placeholders), which is not used; " + SHAPE
                    + ", e.g. {\"text\": \"${greeting}\\n\\n…\"}");
        }
        if (!root.isObject()) {
            throw new DraftFailed("the setting '" + SETTING + "' is a JSON "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; " + SHAPE);
        }
        var byTemplate = new HashMap<String, String>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String templateName = FIELDS.get(field.getKey());
            if (templateName == null) {
                throw new DraftFailed("the setting '" + SETTING + "' has an unknown field '" + field.getKey()
                        + "' (the fields are subject, text and html)");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw new DraftFailed("the setting '" + SETTING + "' field '" + field.getKey()
                        + "' must be a string holding a FreeMarker template");
            }
            byTemplate.put(templateName, value.textValue());
        }
        return new TemplateOverride(Map.copyOf(byTemplate));
    }
}
