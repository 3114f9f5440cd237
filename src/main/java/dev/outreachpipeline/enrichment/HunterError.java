package dev.outreachpipeline.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outreachpipeline.providers.ProviderJson;
import java.util.ArrayList;
import java.util.List;

/** One entry of a Hunter answer's {@code errors} array; any part may be null. */
record HunterError(String id, Integer code, String details) {

    /** The entries of {@code errors} that are objects; empty when there is no such array. */
    static List<HunterError> in(ProviderJson answer) {
        var errors = new ArrayList<HunterError>();
        List<JsonNode> array = answer.array("errors");
        if (array != null) {
            for (JsonNode e : array) {
                if (e.isObject()) {
                    errors.add(new HunterError(
                            ProviderJson.text(e, "id"),
                            ProviderJson.integer(e, "code"),
                            ProviderJson.text(e, "details")));
                }
            }
        }
        return errors;
    }
}
