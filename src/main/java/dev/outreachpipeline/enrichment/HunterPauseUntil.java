package dev.outreachpipeline.enrichment;

import dev.outreachpipeline.jobs.JobDeferred;
import java.time.OffsetDateTime;

/**
 * Until when Hunter is paused and why, decided when its quota ran out: the enrichment route records
 * it for every worker ({@code record-hunter-pause.sql}) and puts its job off until then.
 *
 * @param until  when Hunter may be called again
 * @param reason what happened, in Hunter's words, and what happens next
 */
public record HunterPauseUntil(OffsetDateTime until, String reason) {

    /** The outcome that puts the job off until the pause ends. */
    public JobDeferred jobDeferred() {
        return new JobDeferred(reason, until);
    }
}
