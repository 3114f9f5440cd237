package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.providers.ProviderJson;
import java.util.List;
import java.util.Set;

/**
 * Writes the bodies of the SERP calls: a JSON array of tasks, checked against DataForSEO's limits here,
 * so that a bad query fails before it is paid for rather than coming back as a 40501.
 */
public final class SerpRequests {

    public static final int MAX_KEYWORD_LENGTH = 700;
    public static final int MAX_LIVE_DEPTH = 200;
    public static final int MAX_TASKS_PER_POST = 100;
    public static final int MAX_TAG_LENGTH = 255;

    private static final Set<String> DEVICES = Set.of("desktop", "mobile");

    /** The body of {@code POST …/live/advanced}: an array holding this one task (a live call runs one). */
    public String live(SerpTask task) {
        if (task.depth() > MAX_LIVE_DEPTH) {
            throw new IllegalArgumentException("depth " + task.depth() + " is more than a live SERP call accepts ("
                    + MAX_LIVE_DEPTH + "): ask for fewer results or use standard mode.");
        }
        ArrayNode body = ProviderJson.MAPPER.createArrayNode();
        body.add(object(task));
        return write(body);
    }

    /** The body of {@code POST …/task_post}: an array of 1 to 100 tasks. */
    public String taskPost(List<SerpTask> tasks) {
        if (tasks.isEmpty() || tasks.size() > MAX_TASKS_PER_POST) {
            throw new IllegalArgumentException("A task_post call takes 1 to " + MAX_TASKS_PER_POST + " tasks, not "
                    + tasks.size() + "; split the batch.");
        }
        ArrayNode body = ProviderJson.MAPPER.createArrayNode();
        tasks.forEach(t -> body.add(object(t)));
        return write(body);
    }

    /**
     * The keyword as DataForSEO must receive it: it decodes %-sequences and turns '+' into a space, so a
     * literal '%' goes as %25 and a literal '+' as %2B ("c++ blog" would otherwise lose its pluses).
     */
    public static String escapeKeyword(String keyword) {
        return keyword.replace("%", "%25").replace("+", "%2B");
    }

    // Field order as in DataForSEO's examples, so that a logged body reads the way their documentation does.
    // os is not sent: DataForSEO picks the device's default (windows for desktop).
    private static ObjectNode object(SerpTask task) {
        ObjectNode o = ProviderJson.MAPPER.createObjectNode();
        o.put("keyword", checkedKeyword(task.keyword()));
        if (task.locationCode() <= 0) {
            throw new IllegalArgumentException("location_code must be a DataForSEO location code (e.g. 2840 for the"
                    + " United States), not " + task.locationCode() + ".");
        }
        o.put("location_code", task.locationCode());
        if (task.languageCode().isBlank()) {
            throw new IllegalArgumentException("language_code must not be blank (e.g. \"en\").");
        }
        o.put("language_code", task.languageCode());
        if (task.depth() < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + task.depth() + ".");
        }
        o.put("depth", task.depth());
        if (!DEVICES.contains(task.device())) {
            throw new IllegalArgumentException(
                    "device must be \"desktop\" or \"mobile\", not \"" + task.device() + "\".");
        }
        o.put("device", task.device());
        if (task.tag() != null) {
            if (task.tag().length() > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException("tag is " + task.tag().length()
                        + " characters; DataForSEO keeps at most " + MAX_TAG_LENGTH + ".");
            }
            o.put("tag", task.tag());
        }
        return o;
    }

    private static String checkedKeyword(String keyword) {
        if (keyword.isBlank()) {
            throw new IllegalArgumentException("keyword must not be blank.");
        }
        String escaped = escapeKeyword(keyword);
        int length = escaped.codePointCount(0, escaped.length());
        if (length > MAX_KEYWORD_LENGTH) {
            throw new IllegalArgumentException("keyword is " + length + " characters as sent (with % and + escaped);"
                    + " DataForSEO accepts at most " + MAX_KEYWORD_LENGTH + ": \"" + abbreviated(keyword) + "\".");
        }
        return escaped;
    }

    private static String abbreviated(String keyword) {
        return keyword.length() > 60 ? keyword.substring(0, 60) + "…" : keyword;
    }

    private static String write(ArrayNode body) {
        try {
            return ProviderJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request body could not be written", e);
        }
    }
}
