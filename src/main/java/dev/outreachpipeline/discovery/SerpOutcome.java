package dev.outreachpipeline.discovery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one SERP call (a live call or a task_get) came to, already classified, so that the route only
 * decides what to do next and never reads status codes itself. The reasons are sentences for the
 * operator: what happened, the provider's status_code and status_message, and what happens next.
 * They quote the provider, so they lose any control character on the way in: they end up in
 * error_message (PostgreSQL text cannot hold U+0000), in logs and on terminals.
 */
public sealed interface SerpOutcome {

    /**
     * The SERP, possibly empty: an empty result (items null or [], or task status 40102 "No Search
     * Results.") is an answer, not a failure.
     *
     * @param cost what DataForSEO reports this call cost (the top-level {@code cost}), in USD
     */
    record Results(String taskId, List<SerpItem> items, BigDecimal cost) implements SerpOutcome {
        public Results {
            items = List.copyOf(items);
            Objects.requireNonNull(cost, "cost");
        }
    }

    /** Nothing is wrong with the query; ask again later (rate limit, search-engine or server error, task not ready). */
    record Retry(String reason) implements SerpOutcome {
        public Retry {
            reason = ControlCharacters.stripped(reason);
        }
    }

    /** This query cannot succeed as it is (invalid input, an unusable answer); fail it and keep the job going. */
    record FailQuery(String reason) implements SerpOutcome {
        public FailQuery {
            reason = ControlCharacters.stripped(reason);
        }
    }

    /** No query of this job can succeed (credentials, billing, wrong endpoint); stop the job. */
    record FailJob(String reason) implements SerpOutcome {
        public FailJob {
            reason = ControlCharacters.stripped(reason);
        }
    }
}
