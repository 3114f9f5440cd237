package dev.outreachpipeline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The API's refusals, {"error": sentence, "reasons": [...]}, as the API tests read them. */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {}

    /** The answer is JSON in the error shape, with this sentence. */
    public static void assertError(HttpResponse<String> response, String error) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("reasons").isArray()).as(response.body()).isTrue();
    }

    public static List<String> reasons(HttpResponse<String> response) throws Exception {
        var list = new ArrayList<String>();
        JSON.readTree(response.body()).path("reasons").forEach(r -> list.add(r.asText()));
        return list;
    }
}
