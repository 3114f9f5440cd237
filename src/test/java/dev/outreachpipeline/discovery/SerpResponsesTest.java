package dev.outreachpipeline.discovery;

import static dev.outreachpipeline.discovery.DataForSeoFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.discovery.SerpOutcome.FailJob;
import dev.outreachpipeline.discovery.SerpOutcome.FailQuery;
import dev.outreachpipeline.discovery.SerpOutcome.Results;
import dev.outreachpipeline.discovery.SerpOutcome.Retry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SerpResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SerpResponses responses = new SerpResponses();

    // ---- live: the SERP itself ----

    @Test
    void readsEveryItemOfAMixedSerpInOrder() {
        Results r = (Results) responses.parseLive(200, read("serp-live-mixed.json"));

        assertThat(r.taskId()).isEqualTo("11261512-6944-0139-0000-5e2c9a7d41b3");
        assertThat(r.cost()).isEqualByComparingTo("0.004");
        assertThat(r.items()).hasSize(18);
        assertThat(r.items())
                .extracting(SerpItem::type)
                .containsExactly(
                        "paid",
                        "featured_snippet",
                        "organic",
                        "people_also_ask",
                        "organic",
                        "organic",
                        "local_pack",
                        "organic",
                        "organic",
                        "video",
                        "organic",
                        "organic",
                        "organic",
                        "organic",
                        "organic",
                        "organic",
                        "organic",
                        "related_searches");
        assertThat(r.items())
                .extracting(SerpItem::rankAbsolute)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        List<SerpItem> organic = r.items().stream().filter(SerpItem::organic).toList();
        assertThat(organic).hasSize(12);
        assertThat(organic).extracting(SerpItem::rankGroup).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        SerpItem first = organic.get(0);
        assertThat(first.url()).isEqualTo("https://www.greenplatekitchen.com/vegan-meal-prep-guide/");
        assertThat(first.title()).isEqualTo("The Complete Guide to Vegan Meal Prep - Green Plate Kitchen");
    }

    @Test
    void controlCharactersCostOnlyTheItemThatHoldsThem() {
        Results r = (Results) responses.parseLive(200, read("serp-live-control-characters.json"));

        assertThat(r.items()).hasSize(18);
        SerpItem titled = r.items().get(2);
        assertThat(titled.title()).isEqualTo("The Complete Guide to Vegan Meal Prep ]0;owned- Green Plate Kitchen");
        assertThat(titled.url()).isEqualTo("https://www.greenplatekitchen.com/vegan-meal-prep-guide/");
        assertThat(titled.cleaning()).isEqualTo("its title held control characters (U+0000, U+001B, U+0007), removed");
        assertThat(titled.rawJson())
                .doesNotContain("\\u0000")
                .contains("Everything you need for a week")
                .contains("\\u001B]0;owned"); // the payload keeps what PostgreSQL can store, as sent
        SerpItem linked = r.items().get(16);
        assertThat(linked.url()).isNull();
        assertThat(linked.cleaning()).isEqualTo("its URL held control characters (U+0000), so it was not taken");
        assertThat(linked.rawJson()).contains("https://sproutandspoon.blog/meal-prep-sundays");
        assertThat(r.items()).filteredOn(i -> i.cleaning() != null).hasSize(2);
    }

    @Test
    void aProviderMessageWithControlCharactersIsQuotedWithoutThem() {
        SerpOutcome outcome = responses.parseLive(200, """
                {"status_code": 20000, "status_message": "Ok.", "cost": 0.002, "tasks": [{"id": "t1",
                 "status_code": 40501, "status_message": "Invalid Field:\\u0000 'keyword'.\\u001b[2J", "data": {"keyword": "x"}}]}""");

        assertThat(outcome).isInstanceOf(FailQuery.class);
        String reason = ((FailQuery) outcome).reason();
        assertThat(reason).contains("Invalid Field: 'keyword'.[2J");
        assertThat(reason.chars().filter(c -> ControlCharacters.isControl(c))).isEmpty();
    }

    @Test
    void itemsWithoutUrlOrRankKeepNulls() {
        Results r = (Results) responses.parseLive(200, read("serp-live-mixed.json"));

        SerpItem paa = item(r, "people_also_ask");
        assertThat(paa.url()).isNull();
        assertThat(paa.title()).isNull();
        assertThat(item(r, "local_pack").url()).isNull();
        assertThat(item(r, "local_pack").title()).isEqualTo("Leafy Lane Kitchen");
        assertThat(item(r, "related_searches").url()).isNull();
    }

    @Test
    void keepsEachItemAsReceived() throws Exception {
        String body = read("serp-live-mixed.json");
        Results r = (Results) responses.parseLive(200, body);
        JsonNode received = JSON.readTree(body).at("/tasks/0/result/0/items");

        for (int i = 0; i < r.items().size(); i++) {
            assertThat(JSON.readTree(r.items().get(i).rawJson())).isEqualTo(received.get(i));
        }
        // Numbers as written, not as a double would print them: the rating stays 4.7, not 4.7000000001.
        assertThat(item(r, "local_pack").rawJson()).contains("\"value\":4.7,").contains("\"url\":null");
        assertThat(item(r, "organic").rawJson())
                .contains("\"breadcrumb\":\"https://www.greenplatekitchen.com › vegan-meal-prep-guide\"");
    }

    @Test
    void theMixedSerpDeduplicatesToItsSites() {
        Results r = (Results) responses.parseLive(200, read("serp-live-mixed.json"));
        List<SerpItem> organic = r.items().stream().filter(SerpItem::organic).toList();

        assertThat(organic.stream()
                        .map(i -> DomainKey.of(i.url(), DedupeMode.HOST))
                        .flatMap(Optional::stream)
                        .distinct())
                .containsExactly(
                        "greenplatekitchen.com",
                        "plantpoweredprep.com",
                        "blog.thriftyvegan.co.uk",
                        "thriftyvegan.co.uk",
                        "reddit.com",
                        "bbcgoodfood.com",
                        "minimalistbaker.com",
                        "veganfoodandliving.com",
                        "sproutandspoon.blog");
        assertThat(organic.stream()
                        .map(i -> DomainKey.of(i.url(), DedupeMode.REGISTRABLE_DOMAIN))
                        .flatMap(Optional::stream)
                        .distinct())
                .containsExactly(
                        "greenplatekitchen.com",
                        "plantpoweredprep.com",
                        "thriftyvegan.co.uk",
                        "reddit.com",
                        "bbcgoodfood.com",
                        "minimalistbaker.com",
                        "veganfoodandliving.com",
                        "sproutandspoon.blog");
    }

    // ---- live: empty SERPs are answers ----

    @Test
    void itemsNullIsAnEmptySerp() {
        SerpOutcome o = responses.parseLive(200, read("dataforseo-serp-live-advanced-empty-items.json"));

        assertThat(o)
                .isEqualTo(new Results("11261431-6944-0139-0000-0a7c61b2f9d3", List.of(), new BigDecimal("0.002")));
    }

    @Test
    void emptyItemsArrayIsAnEmptySerp() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("dataforseo-serp-live-advanced-empty-items.json"));
        ((ObjectNode) root.at("/tasks/0/result/0")).putArray("items");

        Results r = (Results) responses.parseLive(200, root.toString());

        assertThat(r.items()).isEmpty();
        assertThat(r.taskId()).isEqualTo("11261431-6944-0139-0000-0a7c61b2f9d3");
    }

    @Test
    void noSearchResults40102IsAnEmptySerpNotAFailure() {
        SerpOutcome o =
                responses.parseLive(200, read("dataforseo-serp-live-advanced-task-error-40102-no-results.json"));

        assertThat(o).isEqualTo(new Results("11261433-6944-0139-0000-c2e5d01f7a66", List.of(), BigDecimal.ZERO));
    }

    // ---- live: failures ----

    @Test
    void invalidField40501FailsTheQueryAndSaysWhy() {
        SerpOutcome o =
                responses.parseLive(200, read("dataforseo-serp-live-advanced-task-error-40501-invalid-field.json"));

        assertThat(o).isInstanceOf(FailQuery.class);
        assertThat(((FailQuery) o).reason())
                .contains(
                        "40501",
                        "Invalid Field: 'depth'.",
                        "fall home decor blog",
                        "11261425-6944-0139-0000-83d4b7aa1c05");
    }

    @Test
    void aLiveCallAnswersItsOneTaskAndIgnoresAnExtraOne40000() {
        SerpOutcome o = responses.parseLive(200, read("dataforseo-serp-live-advanced-two-tasks-40000.json"));

        Results r = (Results) o;
        assertThat(r.taskId()).isEqualTo("11261427-6944-0139-0000-1d9e07c4b2a8");
        assertThat(r.items())
                .extracting(SerpItem::url)
                .containsExactly("https://www.littlelanternhome.com/blog/holiday-mantel");
    }

    @Test
    void aTask40000OnItsOwnFailsTheQuery() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("dataforseo-serp-live-advanced-two-tasks-40000.json"));
        ((ArrayNode) root.get("tasks")).remove(0);

        SerpOutcome o = responses.parseLive(200, root.toString());

        assertThat(o).isInstanceOf(FailQuery.class);
        assertThat(((FailQuery) o).reason())
                .contains("40000", "You can set only one task at a time.", "christmas crafts blog");
    }

    @Test
    void rateLimit40202IsRetried() {
        SerpOutcome o = responses.parseLive(200, read("dataforseo-rate-limit-40202.json"));

        assertThat(o).isInstanceOf(Retry.class);
        assertThat(((Retry) o).reason()).contains("40202", "The rate-limit per minute has been exceeded.");
    }

    @Test
    void http401FailsTheJobAsBadCredentials() {
        SerpOutcome o = responses.parseLive(401, read("dataforseo-http-401-unauthorized.json"));

        assertThat(o).isInstanceOf(FailJob.class);
        assertThat(((FailJob) o).reason())
                .startsWith("DataForSEO rejected the login/password")
                .contains("HTTP 401", "40100", "You are not authorized to access this resource");
    }

    @Test
    void status40100FailsTheJobEvenUnderHttp200() {
        SerpOutcome o = responses.parseLive(200, read("dataforseo-http-401-unauthorized.json"));

        assertThat(o).isInstanceOf(FailJob.class);
        assertThat(((FailJob) o).reason())
                .startsWith("DataForSEO rejected the login/password")
                .contains("40100");
    }

    @Test
    void http402FailsTheJob() {
        SerpOutcome o = responses.parseLive(402, read("dataforseo-http-402-payment-required.json"));

        assertThat(o).isInstanceOf(FailJob.class);
        assertThat(((FailJob) o).reason()).contains("HTTP 402", "40200", "Payment Required.");
    }

    @ParameterizedTest
    @ValueSource(ints = {40200, 40201, 40203, 40204, 40205, 40206, 40207})
    void accountStatusesFailTheJob(int code) {
        assertThat(responses.parseLive(200, topLevel(code, "Account problem."))).isInstanceOf(FailJob.class);
    }

    @ParameterizedTest
    @CsvSource({
        "40101, Internal SE Server Error.",
        "40103, Search engine did not answer.",
        "40601, Task Handed.",
        "40602, Task In Queue.",
        "50000, Internal Error.",
        "50301, Service temporarily unavailable.",
    })
    void transientTaskStatusesAreRetried(int code, String message) {
        SerpOutcome o = responses.parseLive(200, withTaskStatus(code, message));

        assertThat(o).isInstanceOf(Retry.class);
        assertThat(((Retry) o).reason()).contains(String.valueOf(code), message);
    }

    @ParameterizedTest
    @CsvSource({
        "40501, Invalid Field: 'keyword'.",
        "40503, POST Data Is Invalid.",
        "40000, You can set only one task at a time.",
        "40401, Not Found.",
        "30000, Something new.",
    })
    void taskStatusesAboutThisTaskFailTheQuery(int code, String message) {
        assertThat(responses.parseLive(200, withTaskStatus(code, message))).isInstanceOf(FailQuery.class);
    }

    @Test
    void aTaskStatus40100Or402xxStillFailsTheJob() {
        assertThat(responses.parseLive(200, withTaskStatus(40100, "Unauthorized.")))
                .isInstanceOf(FailJob.class);
        assertThat(responses.parseLive(200, withTaskStatus(40204, "Cost limit reached.")))
                .isInstanceOf(FailJob.class);
    }

    @Test
    void theTopLevelStatusWinsOverTheTasks() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("serp-live-mixed.json"));
        root.put("status_code", 40202).put("status_message", "The rate-limit per minute has been exceeded.");

        assertThat(responses.parseLive(200, root.toString())).isInstanceOf(Retry.class);
    }

    @Test
    void http404FailsTheJobAsAWrongEndpoint() {
        SerpOutcome o = responses.parseLive(404, "<html><body>404 Not Found</body></html>");

        assertThat(o).isInstanceOf(FailJob.class);
        assertThat(((FailJob) o).reason()).contains("HTTP 404", "base URL");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void serverErrorsAreRetriedWhateverTheBody(int http) {
        assertThat(responses.parseLive(http, "<html>Bad Gateway</html>")).isInstanceOf(Retry.class);
        assertThat(responses.parseLive(http, "{\"version\":\"0.1\",\"status_code\":500"))
                .isInstanceOf(Retry.class);
        assertThat(responses.parseLive(http, "")).isInstanceOf(Retry.class);
        assertThat(responses.parseLive(http, null)).isInstanceOf(Retry.class);
    }

    @Test
    void aServerErrorSaysWhatTheProviderSaid() {
        Retry r = (Retry) responses.parseLive(
                500, "{\"status_code\":50000,\"status_message\":\"Internal Error.\",\"tasks\":null}");

        assertThat(r.reason()).contains("HTTP 500", "50000", "Internal Error.");
    }

    @Test
    void aMalformed200FailsTheQuerySayingWhatWasWrong() {
        assertThat(reason(responses.parseLive(200, "<html>maintenance</html>")))
                .contains("not with a JSON object", "maintenance");
        assertThat(reason(responses.parseLive(200, "{\"status_code\":20000,\"tasks\":[{\"id\":\"x\",\"status_co")))
                .contains("not with a JSON object");
        assertThat(reason(responses.parseLive(200, "[]"))).contains("not with a JSON object");
        assertThat(reason(responses.parseLive(200, ""))).contains("not with a JSON object", "empty body");
        assertThat(reason(responses.parseLive(200, "{\"tasks\":[]}"))).contains("no status_code");
        assertThat(reason(responses.parseLive(200, "{\"status_code\":20000,\"status_message\":\"Ok.\"}")))
                .contains("no tasks");
        assertThat(reason(responses.parseLive(200, "{\"status_code\":20000,\"tasks\":null}")))
                .contains("no tasks");
        assertThat(reason(responses.parseLive(200, "{\"status_code\":20000,\"tasks\":[]}")))
                .contains("empty task list");
        assertThat(reason(responses.parseLive(200, "{\"status_code\":20000,\"tasks\":[{\"id\":\"t1\"}]}")))
                .contains("no status_code", "t1");
        assertThat(responses.parseLive(200, "<html>maintenance</html>")).isInstanceOf(FailQuery.class);
    }

    @Test
    void aLongUnreadableBodyIsShortenedInTheReason() {
        String reason = reason(responses.parseLive(200, "x".repeat(10_000)));

        assertThat(reason.length()).isLessThan(400);
    }

    // ---- standard mode ----

    @Test
    void taskPostAcceptedTasksCarryTheirIds() {
        TaskPostResult r = responses.parseTaskPost(200, read("dataforseo-serp-task-post-created-20100.json"));

        assertThat(r.requestFailure()).isNull();
        assertThat(r.cost()).isEqualByComparingTo("0.0006");
        assertThat(r.tasks()).containsExactly(new PostedTask(null, "11261440-1535-0066-0000-4f7e2b8c9d01", null));
        assertThat(r.tasks().get(0).accepted()).isTrue();
        assertThat(r.byTag()).isEmpty();
    }

    @Test
    void taskPostByTagSeparatesCreatedFromRejectedTasks() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("dataforseo-serp-task-post-created-20100.json"));
        ArrayNode tasks = (ArrayNode) root.get("tasks");
        ((ObjectNode) tasks.get(0).get("data")).put("tag", "q:aaaa");
        ObjectNode rejected = tasks.get(0).deepCopy();
        rejected.put("id", "11261440-1535-0066-0000-000000000002")
                .put("status_code", 40501)
                .put("status_message", "Invalid Field: 'keyword'.");
        ((ObjectNode) rejected.get("data")).put("tag", "q:bbbb").put("keyword", "");
        tasks.add(rejected);

        TaskPostResult r = responses.parseTaskPost(200, root.toString());

        assertThat(r.byTag()).containsOnlyKeys("q:aaaa", "q:bbbb");
        assertThat(r.byTag().get("q:aaaa").accepted()).isTrue();
        assertThat(r.byTag().get("q:aaaa").taskId()).isEqualTo("11261440-1535-0066-0000-4f7e2b8c9d01");
        assertThat(r.byTag().get("q:bbbb").accepted()).isFalse();
        assertThat(r.byTag().get("q:bbbb").rejection()).isInstanceOf(FailQuery.class);
        assertThat(reason(r.byTag().get("q:bbbb").rejection())).contains("40501", "Invalid Field: 'keyword'.");
    }

    @Test
    void taskPostRequestFailuresAreClassifiedAndCreateNoTasks() {
        TaskPostResult limited = responses.parseTaskPost(200, read("dataforseo-rate-limit-40202.json"));
        assertThat(limited.requestFailure()).isInstanceOf(Retry.class);
        assertThat(limited.tasks()).isEmpty();

        assertThat(responses
                        .parseTaskPost(401, read("dataforseo-http-401-unauthorized.json"))
                        .requestFailure())
                .isInstanceOf(FailJob.class);
        assertThat(responses
                        .parseTaskPost(402, read("dataforseo-http-402-payment-required.json"))
                        .requestFailure())
                .isInstanceOf(FailJob.class);
        assertThat(responses.parseTaskPost(503, "").requestFailure()).isInstanceOf(Retry.class);
        assertThat(responses.parseTaskPost(200, "not json").requestFailure()).isInstanceOf(FailQuery.class);
    }

    @Test
    void tasksReadyListsIdsAndTags() {
        List<ReadyTask> ready = responses.parseTasksReady(200, read("serp-tasks-ready.json"));

        assertThat(ready)
                .containsExactly(
                        new ReadyTask("11261502-1535-0066-0000-8a41c7e3b2d9", "q:9b2e4f7a-1c3d-4a5b-8e6f-0d1c2b3a4e5f"),
                        new ReadyTask("11261502-1535-0066-0000-c17f0b9a64e2", "q:4c8a1e2b-7d6f-4b3a-9c0e-5f1d2a3b4c6d"),
                        new ReadyTask(
                                "11261504-1535-0066-0000-2d93e6f1a0c8", "q:e1a7c3d5-2b4f-4e6a-8c9d-7f0b1a2c3d4e"));
    }

    @Test
    void tasksReadyWithNothingReadyIsEmpty() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("serp-tasks-ready.json"));
        ((ObjectNode) root.at("/tasks/0")).put("result_count", 0).putNull("result");
        assertThat(responses.parseTasksReady(200, root.toString())).isEmpty();

        ((ObjectNode) root.at("/tasks/0")).putArray("result");
        assertThat(responses.parseTasksReady(200, root.toString())).isEmpty();
    }

    @Test
    void aFailedTasksReadyThrowsAnOutcomeToActOn() {
        assertThatThrownBy(() -> responses.parseTasksReady(200, read("dataforseo-rate-limit-40202.json")))
                .isInstanceOfSatisfying(
                        SerpCallFailed.class, e -> assertThat(e.outcome()).isInstanceOf(Retry.class))
                .hasMessageContaining("40202");
        assertThatThrownBy(() -> responses.parseTasksReady(401, read("dataforseo-http-401-unauthorized.json")))
                .isInstanceOfSatisfying(
                        SerpCallFailed.class, e -> assertThat(e.outcome()).isInstanceOf(FailJob.class));
        // No query to fail: an unusable answer means polling again later.
        assertThatThrownBy(() -> responses.parseTasksReady(200, "<html>"))
                .isInstanceOfSatisfying(
                        SerpCallFailed.class, e -> assertThat(e.outcome()).isInstanceOf(Retry.class));
        assertThatThrownBy(() -> responses.parseTasksReady(200, withTaskStatus(40400, "Not Found.")))
                .isInstanceOfSatisfying(
                        SerpCallFailed.class, e -> assertThat(e.outcome()).isInstanceOf(Retry.class));
    }

    @Test
    void taskGetReadsTheSameShapeAsLive() {
        Results r = (Results) responses.parseTaskGet(200, read("serp-task-get-advanced.json"));

        assertThat(r.taskId()).isEqualTo("11261502-1535-0066-0000-8a41c7e3b2d9");
        assertThat(r.cost()).isEqualByComparingTo("0");
        assertThat(r.items().stream().filter(SerpItem::organic)).hasSize(6);
        assertThat(r.items()).extracting(SerpItem::type).contains("people_also_ask", "related_searches");
    }

    @Test
    void taskGetInQueueIsRetriedAsNotReady() {
        SerpOutcome o = responses.parseTaskGet(200, read("dataforseo-serp-task-get-in-queue-40602.json"));

        assertThat(o).isInstanceOf(Retry.class);
        assertThat(((Retry) o).reason())
                .contains("not ready", "40602", "Task In Queue.", "11261440-1535-0066-0000-4f7e2b8c9d01");
    }

    @Test
    void theFixturesAgreeWithEachOther() throws Exception {
        JsonNode ready = JSON.readTree(read("serp-tasks-ready.json")).at("/tasks/0/result/0");
        JsonNode got = JSON.readTree(read("serp-task-get-advanced.json")).at("/tasks/0");

        assertThat(got.get("id")).isEqualTo(ready.get("id"));
        assertThat(got.at("/data/tag")).isEqualTo(ready.get("tag"));
        assertThat(ready.get("endpoint_advanced").asText())
                .endsWith("/task_get/advanced/" + ready.get("id").asText());
        JsonNode result = JSON.readTree(read("serp-live-mixed.json")).at("/tasks/0/result/0");
        assertThat(result.get("items_count").asInt())
                .isEqualTo(result.get("items").size());
    }

    // ---- cost ----

    @Test
    void reportsTheCostOfAnyAnswer() {
        assertThat(SerpResponses.reportedCost(read("serp-live-mixed.json")))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.004"));
        assertThat(SerpResponses.reportedCost(read("dataforseo-rate-limit-40202.json")))
                .hasValueSatisfying(c -> assertThat(c).isZero());
        assertThat(SerpResponses.reportedCost("<html>")).isEmpty();
    }

    // ---- helpers ----

    private static SerpItem item(Results r, String type) {
        return r.items().stream().filter(i -> type.equals(i.type())).findFirst().orElseThrow();
    }

    private static String reason(SerpOutcome o) {
        if (o instanceof Retry r) {
            return r.reason();
        }
        if (o instanceof FailQuery f) {
            return f.reason();
        }
        if (o instanceof FailJob f) {
            return f.reason();
        }
        throw new AssertionError("Not a failure: " + o);
    }

    private static String topLevel(int code, String message) {
        return "{\"version\":\"0.1.20251117\",\"status_code\":" + code + ",\"status_message\":\"" + message
                + "\",\"time\":\"0 sec.\",\"cost\":0,\"tasks_count\":0,\"tasks_error\":0,\"tasks\":null}";
    }

    /** The 40501 fixture with another task status: a realistic failed task. */
    private static String withTaskStatus(int code, String message) {
        try {
            ObjectNode root = (ObjectNode)
                    JSON.readTree(read("dataforseo-serp-live-advanced-task-error-40501-invalid-field.json"));
            ((ObjectNode) root.at("/tasks/0")).put("status_code", code).put("status_message", message);
            return root.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
