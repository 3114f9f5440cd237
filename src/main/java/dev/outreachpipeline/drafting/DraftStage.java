package dev.outreachpipeline.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.DraftUnderReview;
import dev.outreachpipeline.drafting.gates.GateFailure;
import dev.outreachpipeline.drafting.llm.LlmDraftWriter;
import dev.outreachpipeline.drafting.llm.LlmUsage;
import dev.outreachpipeline.jobs.JobFailed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the drafting route asks of Java: one prospect's draft, as the parameters of the statement
 * that records it. A prospect whose draft cannot be rendered is recorded as {@code draft_failed}
 * with the reason; the job goes on with the others. So is one whose draft fails a quality gate
 * ({@link DraftGates}): with the gate's name and message, and no draft kept. With HTML drafts on, a
 * draft that has no HTML body of its own gets one made from its text ({@link HtmlFromText}) before the
 * gates see it.
 */
public final class DraftStage {

    private static final Logger LOG = LoggerFactory.getLogger(DraftStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DraftRenderer renderer;
    private final DraftSettings settings;
    private final Stage.Readiness readiness;
    private final DraftGates gates;
    private final LlmDraftWriter llmWriter;

    /**
     * @param readiness whether the drafting stage has its settings ({@link Stage#DRAFTING})
     * @param gates     the quality gates every rendered draft must pass
     */
    public DraftStage(DraftRenderer renderer, DraftSettings settings, Stage.Readiness readiness, DraftGates gates) {
        this(renderer, settings, readiness, gates, null);
    }

    /** @param llmWriter asked first for every draft (outreach.drafts.writer = llm); null: the templates write them */
    public DraftStage(
            DraftRenderer renderer,
            DraftSettings settings,
            Stage.Readiness readiness,
            DraftGates gates,
            LlmDraftWriter llmWriter) {
        this.renderer = renderer;
        this.settings = settings;
        this.readiness = readiness;
        this.gates = gates;
        this.llmWriter = llmWriter;
    }

    /**
     * A draft job without its settings fails before it claims a prospect, with the sentence config check
     * gives: otherwise every claimed prospect would fail for the same setting and need redrafting.
     */
    public void requireReady() {
        if (!readiness.ready()) {
            throw new JobFailed(readiness.sentence());
        }
    }

    /**
     * One prospect's draft as a draft job would make it, saved nowhere: the rendered draft, or the
     * gate it failed. {@link #render} records it; {@code prospects preview --template} only shows it.
     *
     * @param draft   the draft that passed every gate; null when it failed one
     * @param failure what a failed draft records as its last error ("quality gate 'x': …"); null for a draft
     * @param gate    the gate it failed; null for a draft
     */
    public record Attempt(Draft draft, String failure, GateFailure gate) {}

    /**
     * @param prospect         the prospect's variables and its campaign's (draft-context.sql)
     * @param templateOverride the settings row 'email_template' (JSON text), or null
     * @throws DraftFailed when the templates cannot render it (a syntax error, a missing value, …)
     */
    public Attempt attempt(Map<String, Object> prospect, String templateOverride) {
        return gated(
                prospect,
                renderer.render(context(prospect), CampaignPitch.of(prospect), usableOverride(templateOverride)));
    }

    /** A written draft (template or LLM) with its HTML part, through the quality gates. */
    private Attempt gated(Map<String, Object> prospect, Draft written) {
        // Whatever wrote the text, an HTML part that says the same, unless a template wrote one.
        Draft draft = settings.html() ? written.withHtmlFromText() : written;
        Optional<GateFailure> failed = gates.firstFailure(
                new DraftUnderReview(draft, text(prospect, "page_url"), text(prospect, "campaign_site_url")));
        return failed.map(f -> new Attempt(null, f.recorded(), f)).orElseGet(() -> new Attempt(draft, null, null));
    }

    private DraftContext context(Map<String, Object> prospect) {
        return new DraftContext(
                text(prospect, "contact_name"),
                text(prospect, "contact_email"),
                text(prospect, "domain"),
                text(prospect, "page_title"),
                text(prospect, "page_url"),
                text(prospect, "keyword"),
                text(prospect, "location"),
                settings.senderName(),
                text(prospect, "contact_full_name"),
                text(prospect, "contact_position"),
                text(prospect, "snippet"),
                rank(prospect.get("serp_rank")),
                settings.senderSignature());
    }

    /**
     * @param prospect         the prospect's variables and its campaign's (draft-context.sql)
     * @param templateOverride the settings row 'email_template' (JSON text), or null
     */
    public Map<String, Object> render(Map<String, Object> prospect, String templateOverride) {
        var params = new LinkedHashMap<String, Object>();
        params.put("outcome", "drafted");
        params.put("calls", 0);
        writtenBy(params, "template", null, null);
        try {
            DraftContext context = context(prospect);
            CampaignPitch campaign = CampaignPitch.of(prospect);
            Draft written = renderer.render(context, campaign, usableOverride(templateOverride));
            boolean byLlm = false;
            if (llmWriter != null) {
                // The template draft is rendered first: it is what is used whenever the LLM's is not.
                LlmDraftWriter.Result llm = llmWriter.write(context, campaign, campaign.siteUrl(), () -> {});
                writtenBy(params, llm.draft().isPresent() ? "llm" : "template", llm.note(), llm.usage());
                byLlm = llm.draft().isPresent();
                written = llm.draft().orElse(written);
            }
            Attempt attempt = gated(prospect, written);
            if (attempt.draft() == null) {
                // An expected outcome, not a fault of the program: one line, no stack trace.
                LOG.info("No draft for {}: {}", prospect.get("domain"), attempt.failure());
                return failed(params, attempt.failure());
            }
            Draft draft = attempt.draft();
            // An LLM draft is approved at once only when both settings say so.
            boolean approveAtOnce = !settings.requireApproval()
                    && (!byLlm || llmWriter.settings().autoApprove());
            params.put("status", approveAtOnce ? "approved" : "drafted");
            params.put("subject", draft.subject());
            params.put("textBody", draft.textBody());
            params.put("htmlBody", draft.htmlBody());
            // an LLM's subject is none of the template's variants: counting its replies under variant 0 would mislead
            params.put("subjectVariant", byLlm ? null : draft.subjectVariant());
            params.put("subjectVariantText", byLlm ? null : draft.subject());
            params.put("lastError", null);
        } catch (DraftFailed e) {
            LOG.warn("No draft for {}: {}", prospect.get("domain"), e.getMessage());
            return failed(params, e.getMessage());
        }
        return params;
    }

    /**
     * Which writer's draft is recorded, why (an LLM draft's model, or why the LLM's draft was not
     * used), and what the LLM calls used; {@code llmOutcome} names the job result's counter
     * (llm_drafts, llm_fallbacks), null when the LLM was not asked.
     */
    private static void writtenBy(Map<String, Object> params, String writer, String note, LlmUsage usage) {
        params.put("draftWriter", writer);
        params.put("draftWriterNote", note);
        LlmUsage u = usage == null ? LlmUsage.NONE : usage;
        params.put("calls", u.calls());
        params.put("llmCalls", u.calls());
        params.put("llmTokensIn", u.tokensIn());
        params.put("llmTokensOut", u.tokensOut());
        params.put("llmCostUsd", u.costUsd());
        params.put("llmOutcome", usage == null ? null : writer.equals("llm") ? "llm_drafts" : "llm_fallbacks");
    }

    /** The parameters that record the prospect as draft_failed, with no draft and the reason. */
    private static Map<String, Object> failed(Map<String, Object> params, String reason) {
        params.put("status", "draft_failed");
        params.put("outcome", "draft_failed");
        params.put("subject", null);
        params.put("textBody", null);
        params.put("htmlBody", null);
        params.put("subjectVariant", null);
        params.put("subjectVariantText", null);
        params.put("lastError", reason);
        params.put("draftWriter", null);
        return params;
    }

    /**
     * The predecessor stored its template as a plain JSON string with {name}-style holes; ours is
     * an object of FreeMarker templates. An old string is ignored (the files are used), not
     * allowed to fail every draft of an adopted database.
     */
    private static Optional<String> usableOverride(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node.isTextual()) {
                LOG.warn(
                        "The 'email_template' setting holds the previous system's plain-text template; the templates in"
                                + " config/templates are used. Replace it with {\"subject\": …, \"text\": …} to override them.");
                return Optional.empty();
            }
        } catch (java.io.IOException e) {
            // not JSON: the renderer says so
        }
        return Optional.of(json);
    }

    /** The SERP rank as stored in the DataForSEO payload (text); null when missing or not a whole number. */
    private static Integer rank(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : v.toString();
    }
}
