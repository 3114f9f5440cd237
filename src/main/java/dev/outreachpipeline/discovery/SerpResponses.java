package dev.outreachpipeline.discovery;

import static dev.outreachpipeline.providers.ProviderJson.integer;
import static dev.outreachpipeline.providers.ProviderJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outreachpipeline.discovery.SerpOutcome.FailQuery;
import dev.outreachpipeline.discovery.SerpOutcome.Results;
import dev.outreachpipeline.discovery.SerpOutcome.Retry;
import dev.outreachpipeline.providers.ProviderJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads DataForSEO's answers to the SERP calls (live, task_post, tasks_ready, task_get) into outcomes
 * the routes act on. Takes the HTTP status and body as received; never throws on a bad body, except
 * {@link #parseTasksReady}, which has nothing else to return.
 */
public final class SerpResponses {

    private static final String LIVE = "the live SERP call";
    private static final String TASK_POST = "the task_post call";
    private static final String TASKS_READY = "the tasks_ready call";
    private static final String TASK_GET = "the task_get call";
    private static final String NUL = "\0";

    /** The answer to {@code POST …/live/advanced}. A live call runs one task; extra tasks (40000) are ignored. */
    public SerpOutcome parseLive(int httpStatus, String body) {
        return parseSerp(LIVE, httpStatus, body);
    }

    /** The answer to {@code GET …/task_get/advanced/{id}}: the live shape; 40601/40602 mean "not ready yet" (Retry). */
    public SerpOutcome parseTaskGet(int httpStatus, String body) {
        return parseSerp(TASK_GET, httpStatus, body);
    }

    public TaskPostResult parseTaskPost(int httpStatus, String body) {
        ProviderJson env = ProviderJson.read(body);
        BigDecimal cost = costOf(env, null);
        SerpOutcome failure = SerpStatus.requestFailure(TASK_POST, httpStatus, env);
        if (failure != null) {
            return new TaskPostResult(failure, List.of(), cost);
        }
        var posted = new ArrayList<PostedTask>();
        for (JsonNode task : env.array("tasks")) {
            String id = text(task, "id");
            String tag = text(task.path("data"), "tag");
            Integer code = integer(task, "status_code");
            SerpOutcome rejection = null;
            if (code == null) {
                rejection = new FailQuery("DataForSEO answered " + TASK_POST + " with a task that has no status_code"
                        + (id == null ? "" : " (task " + id + ")") + ".");
            } else if (code != SerpStatus.TASK_CREATED) {
                rejection = SerpStatus.taskFailure(TASK_POST, id, keyword(task), code, text(task, "status_message"));
            }
            posted.add(new PostedTask(tag, id, rejection));
        }
        return new TaskPostResult(null, posted, cost);
    }

    /**
     * The finished, uncollected tasks. tasks_ready concerns no single query, so an unusable answer is a
     * {@link Retry} (poll again later) unless it is a {@link SerpOutcome.FailJob}.
     *
     * @throws SerpCallFailed when DataForSEO did not answer with the list
     */
    public List<ReadyTask> parseTasksReady(int httpStatus, String body) {
        ProviderJson env = ProviderJson.read(body);
        SerpOutcome failure = SerpStatus.requestFailure(TASKS_READY, httpStatus, env);
        if (failure != null) {
            throw new SerpCallFailed(asPollFailure(failure));
        }
        var ready = new ArrayList<ReadyTask>();
        for (JsonNode task : env.array("tasks")) {
            Integer code = integer(task, "status_code");
            if (code == null || code != SerpStatus.OK) {
                SerpOutcome taskFailure = code == null
                        ? new Retry("DataForSEO answered " + TASKS_READY + " with a task that has no status_code.")
                        : SerpStatus.taskFailure(TASKS_READY, null, null, code, text(task, "status_message"));
                throw new SerpCallFailed(asPollFailure(taskFailure));
            }
            for (JsonNode r : task.path("result")) {
                String id = text(r, "id");
                // An entry without an id cannot be collected; the task stays listed until it is.
                if (id != null) {
                    ready.add(new ReadyTask(id, text(r, "tag")));
                }
            }
        }
        return ready;
    }

    /** The top-level {@code cost} DataForSEO reports for any answer, failed or not; empty when there is none. */
    public static Optional<BigDecimal> reportedCost(String body) {
        ProviderJson env = ProviderJson.read(body);
        return Optional.ofNullable(env.isObject() ? env.decimal("cost") : null);
    }

    private SerpOutcome parseSerp(String call, int httpStatus, String body) {
        ProviderJson env = ProviderJson.read(body);
        SerpOutcome failure = SerpStatus.requestFailure(call, httpStatus, env);
        if (failure != null) {
            return failure;
        }
        List<JsonNode> tasks = env.array("tasks");
        if (tasks.isEmpty()) {
            return new FailQuery("DataForSEO answered " + call + " with status 20000, but with an empty task list.");
        }
        JsonNode task = tasks.get(0);
        String id = text(task, "id");
        Integer code = integer(task, "status_code");
        if (code == null) {
            return new FailQuery("DataForSEO answered " + call + " with a task that has no status_code"
                    + (id == null ? "" : " (task " + id + ")") + ".");
        }
        if (code == SerpStatus.OK) {
            return new Results(id, items(task), costOf(env, task));
        }
        if (code == SerpStatus.NO_SEARCH_RESULTS) {
            return new Results(id, List.of(), costOf(env, task));
        }
        return SerpStatus.taskFailure(call, id, keyword(task), code, text(task, "status_message"));
    }

    /**
     * The items of the task's (single) result; none when {@code result} or {@code items} is null or empty.
     * Control characters are dealt with item by item, so one bad item costs nothing but itself: a URL
     * holding any is refused (the item counts as invalid), a title loses them, and the stored payload
     * loses its U+0000s.
     */
    private static List<SerpItem> items(JsonNode task) {
        var items = new ArrayList<SerpItem>();
        for (JsonNode item : task.path("result").path(0).path("items")) {
            if (item.isObject()) {
                String url = text(item, "url");
                String title = text(item, "title");
                var cleaning = new ArrayList<String>();
                if (ControlCharacters.any(url)) {
                    cleaning.add("its URL held control characters (" + ControlCharacters.named(url)
                            + "), so it was not taken");
                    url = null;
                }
                if (ControlCharacters.any(title)) {
                    cleaning.add("its title held control characters (" + ControlCharacters.named(title) + "), removed");
                    title = ControlCharacters.stripped(title);
                }
                items.add(new SerpItem(
                        text(item, "type"),
                        integer(item, "rank_group"),
                        integer(item, "rank_absolute"),
                        url,
                        title,
                        raw(withoutNul(item)),
                        cleaning.isEmpty() ? null : String.join("; ", cleaning)));
            }
        }
        return items;
    }

    private static String raw(JsonNode item) {
        try {
            return ProviderJson.MAPPER.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON node could not be written back", e);
        }
    }

    /** A copy of the node with U+0000 removed from every string in it (PostgreSQL cannot read it back out of JSON). */
    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return !node.textValue().contains(NUL)
                    ? node
                    : ProviderJson.MAPPER
                            .getNodeFactory()
                            .textNode(node.textValue().replace(NUL, ""));
        }
        if (node.isObject()) {
            var copy = ProviderJson.MAPPER.createObjectNode();
            node.properties().forEach(f -> copy.set(f.getKey().replace(NUL, ""), withoutNul(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = ProviderJson.MAPPER.createArrayNode();
            node.forEach(n -> copy.add(withoutNul(n)));
            return copy;
        }
        return node;
    }

    private static String keyword(JsonNode task) {
        return text(task.path("data"), "keyword");
    }

    /** The top-level cost; the task's when the top level has none; zero when neither says (a free call). */
    private static BigDecimal costOf(ProviderJson env, JsonNode task) {
        BigDecimal cost = env.isObject() ? env.decimal("cost") : null;
        if (cost == null && task != null) {
            cost = ProviderJson.decimal(task, "cost");
        }
        return cost == null ? BigDecimal.ZERO : cost;
    }

    private static SerpOutcome asPollFailure(SerpOutcome failure) {
        return failure instanceof FailQuery f ? new Retry(f.reason()) : failure;
    }
}
