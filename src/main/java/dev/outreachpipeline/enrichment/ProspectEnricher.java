package dev.outreachpipeline.enrichment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobDeferred;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.jobs.JobFailures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the enrichment route asks of Java for one prospect: look the domain up at Hunter (once),
 * choose the contact by the rules, verify it, score the prospect — returned as the parameters of
 * the statement that records it. Every database write stays in the route.
 */
public final class ProspectEnricher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HunterClient hunter;
    private final ContactChooser chooser = new ContactChooser();
    private final Scorer scorer = new Scorer();
    private final ContactRules rules;
    private final JobCheck jobCheck;
    private final Clock clock;

    public ProspectEnricher(HunterClient hunter, ContactRules rules, JobCheck jobCheck, Clock clock) {
        this.hunter = hunter;
        this.rules = rules;
        this.jobCheck = jobCheck;
        this.clock = clock;
    }

    /**
     * @param prospect id, domain, da_est, serp_rank (claim-prospects-for-enrichment.sql)
     * @throws HunterPaused the quota is spent: nothing is recorded for this prospect
     * @throws JobFailed    Hunter rejected the key
     */
    public Map<String, Object> enrich(Map<String, Object> prospect, String jobId, String worker) {
        String domain = String.valueOf(prospect.get("domain"));
        Runnable check = jobCheck.of(jobId, worker);
        var calls = new AtomicInteger();
        var result = new Result(calls);
        Integer rank = rank(prospect.get("serp_rank"));
        BigDecimal daEst = prospect.get("da_est") instanceof BigDecimal d ? d : null;

        HunterOutcome outcome = hunter.domainSearch(domain, check, calls);
        if (outcome instanceof HunterOutcome.QuotaExhausted q) {
            throw new HunterPaused(q.reason(), q.restricted());
        }
        if (outcome instanceof HunterOutcome.Rejected r) {
            throw new JobFailed(r.reason());
        }
        if (outcome instanceof HunterOutcome.DoNotProcess d) {
            return result.status("do_not_contact")
                    .reason("Hunter: " + d.reason())
                    .score(scorer.score(rank, null, null, daEst))
                    .params();
        }
        if (outcome instanceof HunterOutcome.Retry r) {
            return result.status("enrich_failed")
                    .error("Hunter kept failing (" + r.reason() + "); `outreach prospects refresh " + prospect.get("id")
                            + "` tries again")
                    .params();
        }
        if (outcome instanceof HunterOutcome.Failed f) {
            return result.status("enrich_failed").error(f.reason()).params();
        }
        var found = (HunterOutcome.Found) outcome;
        result.payload(found.rawData());
        List<Candidate> candidates = chooser.rank(found.data(), domain, rules);
        for (Candidate candidate : candidates) {
            String verification = null;
            if (hunter.verifies()) {
                VerifierOutcome v = hunter.verify(candidate.email().value(), check, calls);
                if (v instanceof HunterOutcome.QuotaExhausted q) {
                    throw new HunterPaused(q.reason(), q.restricted());
                }
                if (v instanceof HunterOutcome.Rejected r) {
                    throw new JobFailed(r.reason());
                }
                if (v instanceof HunterOutcome.DoNotProcess d) {
                    continue; // this person asked not to be processed: never their address
                }
                if (v instanceof VerifierOutcome.Verified verified) {
                    if ("invalid".equals(verified.status())) {
                        continue;
                    }
                    verification = verified.status();
                } else {
                    verification = "unknown (verification did not finish)";
                }
            } else {
                verification = candidate.email().verificationStatus();
            }
            return result.status("enriched")
                    .contact(candidate, verification)
                    .score(scorer.score(rank, candidate, verification, daEst))
                    .params();
        }
        String why = candidates.isEmpty()
                ? chooser.whyNone(found.data(), domain, rules)
                : "every candidate address failed verification";
        return result.status("no_email")
                .reason(why)
                .score(scorer.score(rank, null, null, daEst))
                .params();
    }

    /** Until when Hunter is paused, and why: the account's reset date when Hunter tells it, else a day from now. */
    public HunterPauseUntil pause(Throwable e) {
        HunterPaused paused = JobFailures.find(e, HunterPaused.class).orElseThrow(() -> new IllegalStateException(e));
        Optional<LocalDate> reset = paused.restricted() ? Optional.empty() : hunter.resetDate();
        OffsetDateTime until = reset.map(d -> d.atStartOfDay().atOffset(ZoneOffset.UTC))
                .filter(t -> t.isAfter(OffsetDateTime.now(clock)))
                .orElse(OffsetDateTime.now(clock).plusDays(1));
        // The outcome's reason already says what happened, in Hunter's words; this adds only what happens next.
        String message = paused.getMessage()
                + (paused.restricted() ? " Enrichment is paused and tries again after " : " Enrichment resumes after ")
                + until.toLocalDate() + (reset.isPresent() ? " (the account's reset date)" : "")
                + "; the prospects not yet looked up stay pending (`outreach provider pause clear hunter` lifts the pause).";
        return new HunterPauseUntil(until, message);
    }

    /** Puts the job off until the pause ends. */
    public void defer(HunterPauseUntil pause) {
        throw pause.jobDeferred();
    }

    /** At the start of a job: wait while a pause recorded by any worker is in force. */
    public void deferIfPaused(Map<String, Object> pause) {
        if (pause != null) {
            Object until = pause.get("until");
            OffsetDateTime when = until instanceof OffsetDateTime o
                    ? o
                    : until instanceof java.sql.Timestamp ts
                            ? ts.toInstant().atOffset(ZoneOffset.UTC)
                            : OffsetDateTime.parse(String.valueOf(until));
            throw new JobDeferred(String.valueOf(pause.get("reason")), when);
        }
    }

    public String idsJson(List<Map<String, Object>> rows) {
        var ids = JSON.createArrayNode();
        rows.forEach(r -> ids.add(String.valueOf(r.get("id"))));
        return ids.toString();
    }

    public String draftParams(String jobId) {
        return JSON.createObjectNode().put("enrich_job_id", jobId).toString();
    }

    private static Integer rank(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The statement parameters for one prospect's outcome. */
    private static final class Result {
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final AtomicInteger calls;

        Result(AtomicInteger calls) {
            this.calls = calls;
            for (String k : List.of(
                    "hunterPayload",
                    "contactEmail",
                    "contactMethod",
                    "contactName",
                    "contactReason",
                    "contactVerification",
                    "score",
                    "lastError")) {
                params.put(k, null);
            }
        }

        Result status(String status) {
            params.put("status", status);
            params.put("outcome", status);
            return this;
        }

        Result payload(String json) {
            params.put("hunterPayload", json);
            return this;
        }

        Result contact(Candidate c, String verification) {
            params.put("contactEmail", c.email().value());
            params.put("contactMethod", c.method());
            params.put("contactName", c.email().firstName());
            params.put("contactReason", c.reason());
            params.put("contactVerification", verification);
            return this;
        }

        Result reason(String why) {
            params.put("contactReason", why);
            return this;
        }

        Result error(String error) {
            params.put("lastError", error);
            return this;
        }

        Result score(BigDecimal score) {
            params.put("score", score == null ? null : score.toPlainString());
            return this;
        }

        Map<String, Object> params() {
            params.put("calls", calls.get());
            return params;
        }
    }
}
