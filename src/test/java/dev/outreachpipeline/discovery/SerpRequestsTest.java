package dev.outreachpipeline.discovery;

import static dev.outreachpipeline.discovery.DataForSeoFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerpRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SerpRequests requests = new SerpRequests();

    private static SerpTask task(String keyword) {
        return new SerpTask(keyword, 2840, "en", 10, "desktop", "job:7f1c2a9e/query:1");
    }

    @Test
    void liveBodyIsTheDocumentedRequestLeavingOsToTheDevicesDefault() throws Exception {
        JsonNode expected = JSON.readTree(read("dataforseo-serp-live-advanced-request.json"));
        ((ObjectNode) expected.get(0)).remove("os"); // windows, DataForSEO's default for desktop

        String body = requests.live(task("fall home decor blog"));

        assertThat(JSON.readTree(body)).isEqualTo(expected);
        assertThat(body)
                .isEqualTo("[{\"keyword\":\"fall home decor blog\",\"location_code\":2840,\"language_code\":\"en\","
                        + "\"depth\":10,\"device\":\"desktop\",\"tag\":\"job:7f1c2a9e/query:1\"}]");
    }

    @Test
    void aTaskWithoutTagSendsNone() throws Exception {
        JsonNode body = JSON.readTree(requests.live(new SerpTask("x", 2826, "en", 10, "mobile", null)));

        assertThat(body.get(0).has("tag")).isFalse();
        assertThat(body.get(0).get("device").asText()).isEqualTo("mobile");
    }

    @Test
    void percentAndPlusAreEscapedOtherCharactersAreNot() throws Exception {
        JsonNode body = JSON.readTree(requests.live(task("100% c++ \"tips\" & tricks für Öfen")));

        assertThat(body.get(0).get("keyword").asText()).isEqualTo("100%25 c%2B%2B \"tips\" & tricks für Öfen");
        assertThat(SerpRequests.escapeKeyword("%2B")).isEqualTo("%252B");
    }

    @Test
    void keywordsUpTo700CharactersAsSentAreAccepted() {
        assertThat(requests.live(task("k".repeat(700)))).contains("k".repeat(700));
        assertThat(requests.live(task("ü".repeat(700)))).contains("ü".repeat(700));

        assertThatThrownBy(() -> requests.live(task("k".repeat(701))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("701 characters")
                .hasMessageContaining("700");
        // 698 characters become 702 once the two '+' are escaped.
        assertThatThrownBy(() -> requests.live(task("k".repeat(696) + "++")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("702 characters");
    }

    @Test
    void refusesWhatDataForSeoWouldRejectBeforeItIsPaidFor() {
        assertThatThrownBy(() -> requests.live(task("   "))).hasMessageContaining("keyword must not be blank");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 2840, "en", 201, "desktop", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depth 201")
                .hasMessageContaining("200");
        assertThat(requests.live(new SerpTask("x", 2840, "en", 200, "desktop", null)))
                .contains("\"depth\":200");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 2840, "en", 0, "desktop", null)))
                .hasMessageContaining("depth");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 0, "en", 10, "desktop", null)))
                .hasMessageContaining("location_code");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 2840, " ", 10, "desktop", null)))
                .hasMessageContaining("language_code");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 2840, "en", 10, "tablet", null)))
                .hasMessageContaining("device");
        assertThatThrownBy(() -> requests.live(new SerpTask("x", 2840, "en", 10, "desktop", "t".repeat(256))))
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> new SerpTask(null, 2840, "en", 10, "desktop", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void taskPostSendsUpTo100TasksInOrder() throws Exception {
        List<SerpTask> tasks = IntStream.range(0, 100)
                .mapToObj(i -> new SerpTask("kw " + i, 2840, "en", 300, "desktop", "q:" + i))
                .toList();

        JsonNode body = JSON.readTree(requests.taskPost(tasks));

        assertThat(body.size()).isEqualTo(100);
        assertThat(body.get(99).get("tag").asText()).isEqualTo("q:99");
        assertThat(body.get(0).get("depth").asInt()).isEqualTo(300); // the live limit does not apply
    }

    @Test
    void taskPostRefusesEmptyAndOversizedBatches() {
        List<SerpTask> tooMany = Collections.nCopies(101, task("x"));
        assertThatThrownBy(() -> requests.taskPost(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101")
                .hasMessageContaining("100");
        assertThatThrownBy(() -> requests.taskPost(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsSentIsEchoedBackInTheFixtureShape() throws Exception {
        // The 40501 fixture echoes the task it was sent: our body for the same task has the same fields.
        JsonNode echoed = JSON.readTree(read("dataforseo-serp-live-advanced-task-error-40501-invalid-field.json"))
                .at("/tasks/0/data");
        JsonNode sent = JSON.readTree(requests.taskPost(List.of(new SerpTask(
                        echoed.get("keyword").asText(),
                        echoed.get("location_code").asInt(),
                        echoed.get("language_code").asText(),
                        echoed.get("depth").asInt(),
                        echoed.get("device").asText(),
                        echoed.get("tag").asText()))))
                .get(0);

        sent.fieldNames().forEachRemaining(f -> assertThat(echoed.get(f)).as(f).isEqualTo(sent.get(f)));
    }
}
