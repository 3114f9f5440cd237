package dev.outreachpipeline.drafting.llm;

import dev.outreachpipeline.drafting.CampaignPitch;
import dev.outreachpipeline.drafting.Draft;
import dev.outreachpipeline.drafting.DraftContext;
import dev.outreachpipeline.drafting.DraftFacts;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.DraftUnderReview;
import dev.outreachpipeline.drafting.gates.GateFailure;
import dev.outreachpipeline.drafting.gates.GroundedGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the LLM for a first-contact draft grounded in the facts we hold, and keeps it only when it
 * passes every check: a strictly read answer ({@link LlmAnswer}), the {@link GroundedGate}, and the
 * same quality gates as a template draft ({@link DraftGates}). Anything else (an error, a timeout,
 * a malformed answer, NO_SIGNAL, a failed gate) is an expected outcome, not a fault: the result
 * says why, and the drafting stage uses the template draft instead. Nothing here throws for the
 * LLM's sake, so a job never fails because the LLM did.
 */
public final class LlmDraftWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LlmDraftWriter.class);

    /** The campaign's pitch brief, in its templates directory. */
    public static final String BRIEF_FILE = "brief.txt";

    /** A brief longer than this is cut: it goes into every prompt, and is paid for each time. */
    static final int MAX_BRIEF_CHARS = 4000;

    /**
     * What the LLM writer made of one prospect.
     *
     * @param draft the LLM's draft when it passed every check; empty: use the template draft
     * @param note  for an LLM draft, the model; otherwise why the template draft is used ("llm …")
     */
    public record Result(Optional<Draft> draft, String note, LlmUsage usage) {

        static Result fallback(String reason, LlmUsage usage) {
            return new Result(Optional.empty(), "llm " + reason, usage);
        }
    }

    private final LlmClient client;
    private final LlmSettings settings;
    private final DraftGates gates;
    private final GroundedGate grounded = new GroundedGate();
    private final Path workDir;

    /** @param workDir where a campaign's relative templates directory is taken from */
    public LlmDraftWriter(LlmClient client, LlmSettings settings, DraftGates gates, Path workDir) {
        this.client = client;
        this.settings = settings;
        this.gates = gates;
        this.workDir = workDir;
    }

    public LlmSettings settings() {
        return settings;
    }

    /**
     * @param targetSite the campaign's target site, for the links gate
     * @param check      run before each call and while waiting for a call slot; throws to stop the job
     */
    public Result write(DraftContext context, CampaignPitch campaign, String targetSite, Runnable check) {
        Map<String, String> facts = DraftFacts.of(context, campaign, brief(campaign));
        String domain = context.domain();
        LlmReply reply = client.complete("draft for " + domain, LlmPrompt.system(), LlmPrompt.user(facts), check);
        Result result = judge(reply, facts, context, targetSite);
        if (result.draft().isEmpty()) {
            LOG.info("The LLM's draft for {} is not used, the template's is: {}", domain, result.note());
        }
        return result;
    }

    private Result judge(LlmReply reply, Map<String, String> facts, DraftContext context, String targetSite) {
        LlmUsage usage = reply.usage();
        if (reply instanceof LlmReply.Retry r) {
            return Result.fallback("failed after " + usage.calls() + " call(s): " + r.reason(), usage);
        }
        if (reply instanceof LlmReply.Refused r) {
            return Result.fallback("refused: " + r.reason(), usage);
        }
        LlmAnswer answer = LlmAnswer.read(((LlmReply.Content) reply).content());
        if (answer instanceof LlmAnswer.NoSignal n) {
            return Result.fallback("NO_SIGNAL: " + n.reason(), usage);
        }
        if (answer instanceof LlmAnswer.Malformed m) {
            return Result.fallback("malformed answer: " + m.reason(), usage);
        }
        var written = (LlmAnswer.Written) answer;
        Optional<GateFailure> ungrounded = grounded.check(written.factsUsed(), facts.values());
        if (ungrounded.isPresent()) {
            return Result.fallback(ungrounded.get().recorded(), usage);
        }
        Draft draft = new Draft(written.subject(), written.body() + "\n\n" + signature(context) + "\n", null);
        Optional<GateFailure> failed = gates.firstFailure(new DraftUnderReview(draft, context.pageUrl(), targetSite));
        if (failed.isPresent()) {
            return Result.fallback(failed.get().recorded(), usage);
        }
        return new Result(Optional.of(draft), "model " + settings.model(), usage);
    }

    /** The sender's signature setting, or the sender's name, as a template's {@code senderSignature}. */
    private static String signature(DraftContext context) {
        String sig = context.senderSignature();
        if (sig != null && !sig.isBlank()) {
            return sig.replace("\r\n", "\n").replace('\r', '\n').strip();
        }
        return context.senderName() == null ? "" : context.senderName().strip();
    }

    /** The campaign's brief.txt when it has one, else the global brief setting; null when neither says anything. */
    String brief(CampaignPitch campaign) {
        Path dir = campaign.directory(workDir);
        if (dir != null) {
            Path file = dir.resolve(BRIEF_FILE);
            if (Files.isRegularFile(file)) {
                try {
                    return cut(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.warn("Cannot read the pitch brief {}: {}; the global brief is used", file, e.getMessage());
                }
            }
        }
        return cut(settings.brief());
    }

    private static String cut(String brief) {
        if (brief == null || brief.isBlank()) {
            return null;
        }
        return brief.length() > MAX_BRIEF_CHARS ? brief.substring(0, MAX_BRIEF_CHARS) : brief;
    }
}
