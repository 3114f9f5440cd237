package dev.outreachpipeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DataForSEO's Google organic SERP API, simulated: the live call, and the standard flow (task_post,
 * tasks_ready, task_get/advanced), answered in DataForSEO's documented shapes — the envelope with
 * {@code status_code} 20000, {@code cost} and {@code tasks[]}, each task with its {@code result[]}
 * and {@code items[]} — with results from {@link FakeWeb}. HTTP Basic credentials must be present
 * (any login and password); without them it answers HTTP 401 with status 40100, as DataForSEO does.
 * Simulated errors are HTTP 500 with 50000, or HTTP 200 with 50000; the rate limit answers 40202.
 */
public final class DataForSeoSimulator extends SimulatedServer {

    static final String ROOT = "/v3/serp/google/organic";
    public static final String LIVE = ROOT + "/live/advanced";
    public static final String TASK_POST = ROOT + "/task_post";
    public static final String TASKS_READY = ROOT + "/tasks_ready";
    public static final String TASK_GET = ROOT + "/task_get/advanced";

    static final BigDecimal LIVE_COST = new BigDecimal("0.002");
    static final BigDecimal TASK_COST = new BigDecimal("0.0006");
    private static final String VERSION = "0.1.20251117";
    private static final int MAX_LIVE_DEPTH = 200;

    /** A posted task, until it is collected. */
    private record Posted(String id, ObjectNode data, String postedAt) {}

    private final Map<String, Posted> posted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> collected = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public DataForSeoSimulator(SimulatorSettings settings) {
        super("dataforseo-simulator", settings);
    }

    /** Distinct (keyword, location code) pairs searched. */
    public int uniqueQueries() {
        return calls().uniqueSubjects();
    }

    @Override
    String endpoint(String path) {
        if (path.equals(LIVE) || path.equals(TASK_POST) || path.equals(TASKS_READY)) {
            return path;
        }
        if (path.startsWith(TASK_GET + "/") && path.length() > TASK_GET.length() + 1) {
            return TASK_GET;
        }
        return null;
    }

    @Override
    boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    Answer unauthorized() {
        return new Answer(
                401,
                envelope(
                        40100,
                        "You are not authorized to access this resource. See your login details"
                                + " here: https://app.dataforseo.com/api-access",
                        BigDecimal.ZERO,
                        null),
                Call.Outcome.UNAUTHORIZED);
    }

    @Override
    Answer notFound(String path) {
        return new Answer(404, envelope(40400, "Not Found.", BigDecimal.ZERO, null), Call.Outcome.REJECTED);
    }

    @Override
    Answer rateLimited() {
        return new Answer(
                200,
                envelope(40202, "The rate-limit per minute has been exceeded.", BigDecimal.ZERO, null),
                Call.Outcome.RATE_LIMITED);
    }

    @Override
    Answer simulatedError(double pick) {
        return new Answer(
                pick < 0.5 ? 500 : 200,
                envelope(50000, "Internal Error.", BigDecimal.ZERO, null),
                Call.Outcome.SIMULATED_ERROR);
    }

    @Override
    Answer answer(String endpoint, HttpExchange exchange, String body) throws IOException {
        String method = exchange.getRequestMethod();
        return switch (endpoint) {
            case LIVE -> "POST".equals(method) ? live(body) : methodNotAllowed();
            case TASK_POST -> "POST".equals(method) ? taskPost(body) : methodNotAllowed();
            case TASKS_READY -> "GET".equals(method) ? tasksReady() : methodNotAllowed();
            default ->
                "GET".equals(method)
                        ? taskGet(exchange.getRequestURI().getPath().substring(TASK_GET.length() + 1))
                        : methodNotAllowed();
        };
    }

    private Answer methodNotAllowed() {
        return new Answer(200, envelope(40500, "Method Not Allowed.", BigDecimal.ZERO, null), Call.Outcome.REJECTED);
    }

    private Answer live(String body) throws IOException {
        JsonNode tasks = JSON.readTree(body);
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            return new Answer(
                    200, envelope(40501, "Invalid Field: 'tasks'.", BigDecimal.ZERO, null), Call.Outcome.REJECTED);
        }
        ArrayNode out = JSON.createArrayNode();
        BigDecimal cost = BigDecimal.ZERO;
        boolean rejected = false;
        for (int i = 0; i < tasks.size(); i++) {
            ObjectNode data = data(tasks.get(i), "live");
            String id = newTaskId();
            if (i > 0) {
                // a live call runs one task; DataForSEO answers the others with 40000 and drops them
                out.add(task(
                        id,
                        40000,
                        "You can set only one task at a time.",
                        BigDecimal.ZERO,
                        data,
                        List.of("live", "advanced"),
                        null));
                continue;
            }
            String invalid = invalidField(data, true);
            if (invalid != null) {
                out.add(task(
                        id,
                        40501,
                        "Invalid Field: '" + invalid + "'.",
                        BigDecimal.ZERO,
                        data,
                        List.of("live", "advanced"),
                        null));
                rejected = true;
                continue;
            }
            out.add(task(id, 20000, "Ok.", LIVE_COST, data, List.of("live", "advanced"), result(data)));
            cost = cost.add(LIVE_COST);
        }
        return new Answer(200, envelope(20000, "Ok.", cost, out), rejected ? Call.Outcome.REJECTED : Call.Outcome.OK);
    }

    private Answer taskPost(String body) throws IOException {
        JsonNode tasks = JSON.readTree(body);
        if (tasks == null || !tasks.isArray() || tasks.isEmpty() || tasks.size() > 100) {
            return new Answer(
                    200,
                    envelope(40000, "You can set from 1 to 100 tasks per call.", BigDecimal.ZERO, null),
                    Call.Outcome.REJECTED);
        }
        ArrayNode out = JSON.createArrayNode();
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode t : tasks) {
            ObjectNode data = data(t, "task_post");
            String id = newTaskId();
            String invalid = invalidField(data, false);
            if (invalid != null) {
                out.add(task(
                        id,
                        40501,
                        "Invalid Field: '" + invalid + "'.",
                        BigDecimal.ZERO,
                        data,
                        List.of("task_post"),
                        null));
                continue;
            }
            out.add(task(id, 20100, "Task Created.", TASK_COST, data, List.of("task_post"), null));
            posted.put(id, new Posted(id, data, now()));
            cost = cost.add(TASK_COST);
        }
        return new Answer(200, envelope(20000, "Ok.", cost, out), Call.Outcome.OK);
    }

    /** Every posted task is ready at once, and listed until it is collected. */
    private Answer tasksReady() {
        ArrayNode result = JSON.createArrayNode();
        posted.values().stream()
                .filter(p -> !collected.containsKey(p.id()))
                .sorted(java.util.Comparator.comparing(Posted::id))
                .forEach(p -> {
                    ObjectNode r = result.addObject();
                    r.put("id", p.id());
                    r.put("se", "google");
                    r.put("se_type", "organic");
                    r.put("date_posted", p.postedAt());
                    if (p.data().hasNonNull("tag")) {
                        r.put("tag", p.data().get("tag").asText());
                    } else {
                        r.putNull("tag");
                    }
                    r.put("endpoint_regular", ROOT + "/task_get/regular/" + p.id());
                    r.put("endpoint_advanced", TASK_GET + "/" + p.id());
                    r.put("endpoint_html", ROOT + "/task_get/html/" + p.id());
                });
        ObjectNode data = JSON.createObjectNode();
        data.put("api", "serp");
        data.put("function", "tasks_ready");
        data.put("se", "google");
        data.put("se_type", "organic");
        ArrayNode out = JSON.createArrayNode();
        ObjectNode task = task(newTaskId(), 20000, "Ok.", BigDecimal.ZERO, data, List.of("tasks_ready"), null);
        task.put("result_count", result.size());
        task.set("result", result);
        out.add(task);
        return new Answer(200, envelope(20000, "Ok.", BigDecimal.ZERO, out), Call.Outcome.OK);
    }

    private Answer taskGet(String id) {
        Posted p = posted.get(id);
        ArrayNode out = JSON.createArrayNode();
        List<String> path = List.of("task_get", "advanced", id);
        if (p == null) {
            ObjectNode data = JSON.createObjectNode();
            data.put("api", "serp");
            data.put("function", "task_get");
            out.add(task(id, 40400, "Not Found.", BigDecimal.ZERO, data, path, null));
            return new Answer(200, envelope(20000, "Ok.", BigDecimal.ZERO, out), Call.Outcome.REJECTED);
        }
        ObjectNode data = p.data().deepCopy();
        data.put("function", "task_get");
        collected.put(id, true);
        out.add(task(id, 20000, "Ok.", BigDecimal.ZERO, data, path, result(data)));
        return new Answer(200, envelope(20000, "Ok.", BigDecimal.ZERO, out), Call.Outcome.OK);
    }

    /** The task's {@code data}: what was asked, as DataForSEO echoes it (keyword decoded, os defaulted). */
    private static ObjectNode data(JsonNode asked, String function) {
        ObjectNode data = JSON.createObjectNode();
        data.put("api", "serp");
        data.put("function", function);
        data.put("se", "google");
        data.put("se_type", "organic");
        if (asked != null && asked.isObject()) {
            asked.properties().forEach(f -> data.set(f.getKey(), f.getValue()));
            if (asked.hasNonNull("keyword")) {
                data.put("keyword", decode(asked.get("keyword").asText()));
            }
            if (!data.has("os")) {
                data.put("os", "mobile".equals(data.path("device").asText()) ? "android" : "windows");
            }
        }
        return data;
    }

    /** DataForSEO decodes %-sequences and turns '+' into a space, as URL decoding does. */
    private static String decode(String keyword) {
        try {
            return URLDecoder.decode(keyword, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return keyword;
        }
    }

    private static String invalidField(ObjectNode data, boolean live) {
        if (!data.hasNonNull("keyword")
                || data.get("keyword").asText().isBlank()
                || data.get("keyword").asText().length() > 700) {
            return "keyword";
        }
        if (!data.path("location_code").canConvertToInt()
                || data.path("location_code").asInt() <= 0) {
            return "location_code";
        }
        if (data.has("depth")
                && (!data.get("depth").canConvertToInt()
                        || data.get("depth").asInt() < 1
                        || (live && data.get("depth").asInt() > MAX_LIVE_DEPTH))) {
            return "depth";
        }
        return null;
    }

    /** The single result of a SERP task, with its items: organic results among a few other kinds. */
    private ArrayNode result(ObjectNode data) {
        String keyword = data.get("keyword").asText();
        int location = data.get("location_code").asInt();
        int depth = data.path("depth").asInt(100);
        subject(keyword.strip().toLowerCase(java.util.Locale.ROOT) + "|" + location);
        List<FakeWeb.Result> organic = FakeWeb.search(keyword, location, depth);

        ArrayNode items = JSON.createArrayNode();
        int absolute = 0;
        for (FakeWeb.Result r : organic) {
            if (r.rank() == 3) {
                items.add(peopleAlsoAsk(++absolute, keyword, organic.get(0)));
            }
            ObjectNode item = items.addObject();
            item.put("type", "organic");
            item.put("rank_group", r.rank());
            item.put("rank_absolute", ++absolute);
            item.put("position", "left");
            item.put(
                    "xpath",
                    "/html[1]/body[1]/div[3]/div[1]/div[13]/div[1]/div[2]/div[2]/div[" + absolute + "]/div[1]/div[1]");
            item.put("domain", r.domain());
            item.put("title", r.title());
            item.put("url", r.url());
            item.putNull("cache_url");
            item.putNull("related_search_url");
            item.put("breadcrumb", "https://" + r.domain() + " › " + r.url().replaceAll("^https://[^/]+/|/$", ""));
            item.put("website_name", FakeWeb.title(r.domain().replaceFirst("^www\\.", "")));
            item.put("is_image", false);
            item.put("is_video", false);
            item.put("is_featured_snippet", false);
            item.put("is_malicious", false);
            item.put("is_web_story", false);
            item.put("description", r.description());
            item.putNull("pre_snippet");
            item.putNull("extended_snippet");
            item.putNull("images");
            item.put("amp_version", false);
            item.putNull("rating");
            item.putNull("price");
            item.putArray("highlighted");
            item.putNull("links");
            item.putNull("faq");
            item.putNull("extended_people_also_search");
            item.putNull("about_this_result");
            item.putNull("related_result");
            item.putNull("rectangle");
        }
        ObjectNode related = items.addObject();
        related.put("type", "related_searches");
        related.put("rank_group", 1);
        related.put("rank_absolute", ++absolute);
        related.put("position", "left");
        ArrayNode phrases = related.putArray("items");
        phrases.add(keyword + " ideas");
        phrases.add(keyword + " on a budget");
        related.putNull("rectangle");

        ArrayNode result = JSON.createArrayNode();
        ObjectNode r = result.addObject();
        r.put("keyword", keyword);
        r.put("type", "organic");
        r.put("se_domain", seDomain(location));
        r.put("location_code", location);
        r.put("language_code", data.path("language_code").asText("en"));
        r.put(
                "check_url",
                "https://www." + seDomain(location) + "/search?q="
                        + java.net.URLEncoder.encode(keyword, StandardCharsets.UTF_8)
                        + "&hl=en&gws_rd=cr&ie=UTF-8&oe=UTF-8&glp=1");
        r.put("datetime", now());
        r.putNull("spell");
        r.putNull("refinement_chips");
        ArrayNode types = r.putArray("item_types");
        types.add("organic");
        types.add("people_also_ask");
        types.add("related_searches");
        r.put("se_results_count", 1_000_000L + Math.floorMod(FakeWeb.stableHash(keyword), 90_000_000L));
        r.put("items_count", items.size());
        r.set("items", items);
        return result;
    }

    private static ObjectNode peopleAlsoAsk(int absolute, String keyword, FakeWeb.Result source) {
        ObjectNode paa = JSON.createObjectNode();
        paa.put("type", "people_also_ask");
        paa.put("rank_group", 1);
        paa.put("rank_absolute", absolute);
        paa.put("position", "left");
        ArrayNode elements = paa.putArray("items");
        ObjectNode element = elements.addObject();
        element.put("type", "people_also_ask_element");
        element.put("title", "How do I start with " + keyword + "?");
        element.putNull("seed_question");
        ArrayNode expanded = element.putArray("expanded_element");
        ObjectNode e = expanded.addObject();
        e.put("type", "people_also_ask_expanded_element");
        e.putNull("featured_title");
        e.put("url", source.url());
        e.put("domain", source.domain());
        e.put("title", source.title());
        e.put("description", source.description());
        paa.putNull("rectangle");
        return paa;
    }

    private static String seDomain(int location) {
        return switch (location) {
            case 2826 -> "google.co.uk";
            case 2124 -> "google.ca";
            case 2276 -> "google.de";
            case 2250 -> "google.fr";
            case 2036 -> "google.com.au";
            default -> "google.com";
        };
    }

    private static ObjectNode task(
            String id,
            int status,
            String message,
            BigDecimal cost,
            ObjectNode data,
            List<String> function,
            ArrayNode result) {
        ObjectNode task = JSON.createObjectNode();
        task.put("id", id);
        task.put("status_code", status);
        task.put("status_message", message);
        task.put("time", "0.0100 sec.");
        task.put("cost", cost);
        task.put("result_count", result == null ? 0 : result.size());
        ArrayNode path = task.putArray("path");
        for (String p : List.of("v3", "serp", "google", "organic")) {
            path.add(p);
        }
        function.forEach(path::add);
        task.set("data", data);
        if (result == null) {
            task.putNull("result");
        } else {
            task.set("result", result);
        }
        return task;
    }

    private static String envelope(int status, String message, BigDecimal cost, ArrayNode tasks) {
        ObjectNode env = JSON.createObjectNode();
        env.put("version", VERSION);
        env.put("status_code", status);
        env.put("status_message", message);
        env.put("time", "0.0100 sec.");
        env.put("cost", cost);
        int errors = 0;
        if (tasks != null) {
            for (JsonNode t : tasks) {
                int code = t.path("status_code").asInt();
                if (code != 20000 && code != 20100) {
                    errors++;
                }
            }
        }
        env.put("tasks_count", tasks == null ? 0 : tasks.size());
        env.put("tasks_error", errors);
        if (tasks == null) {
            env.putNull("tasks");
        } else {
            env.set("tasks", tasks);
        }
        return write(env);
    }

    /** An id in DataForSEO's shape: {@code MMddHHmm-xxxx-xxxx-0000-xxxxxxxxxxxx}, unique within this simulator. */
    private String newTaskId() {
        long n = ids.incrementAndGet();
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMddHHmm")) + "-1535-0066-0000-"
                + String.format("%012x", n);
    }

    private static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"));
    }
}
