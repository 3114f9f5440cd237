package dev.outreachpipeline.discovery;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a task_post came to: either the whole request failed ({@code requestFailure}, and no task was
 * created), or each posted task was created or rejected on its own.
 *
 * @param requestFailure Retry, FailQuery (for every task of the batch) or FailJob; null when the request was accepted
 * @param cost           what DataForSEO reports the call cost (the top-level {@code cost}), in USD
 */
public record TaskPostResult(SerpOutcome requestFailure, List<PostedTask> tasks, BigDecimal cost) {

    public TaskPostResult {
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * The tasks that carry a tag, by tag, in posted order. Tags carry our query ids and are unique; should
     * one repeat anyway, its first task is kept (the others are still in {@link #tasks()}).
     */
    public Map<String, PostedTask> byTag() {
        var byTag = new LinkedHashMap<String, PostedTask>();
        for (PostedTask t : tasks) {
            if (t.tag() != null) {
                byTag.putIfAbsent(t.tag(), t);
            }
        }
        return Collections.unmodifiableMap(byTag);
    }
}
