package dev.outreachpipeline.drafting;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a follow-up, from {@code followup.txt.ftl} in the prospect's campaign's templates
 * directory, else the drafts' templates folder (or the jar's copy), rendered when it is sent: it
 * only greets, reminds and signs, so nothing of the first draft needs to be stored for it. It is read through the same {@link TemplateEngine} as the drafts,
 * under the same restrictions. A template error is a {@link DraftFailed}, as for drafts.
 */
public final class FollowupRenderer {

    public static final String TEMPLATE = "followup.txt.ftl";

    /** The follow-up's own variables; a campaign adds {@link CampaignPitch#VARIABLES}. */
    public static final List<String> VARIABLES =
            List.of("step", "greeting", "firstName", "domain", "senderName", "senderSignature");

    private final TemplateEngine engine;
    private final String senderName;
    private final String senderSignature;

    public FollowupRenderer(TemplateEngine engine, String senderName) {
        this(engine, senderName, null);
    }

    /** @param senderSignature the sender's signature (outreach.sender.signature); blank signs with the name */
    public FollowupRenderer(TemplateEngine engine, String senderName, String senderSignature) {
        this.engine = engine;
        this.senderName = senderName;
        this.senderSignature = senderSignature;
    }

    /** A follow-up outside any campaign: the global template, no campaign variables. */
    public String render(int step, String firstName, String domain) {
        return render(step, firstName, domain, CampaignPitch.NONE);
    }

    /**
     * The follow-up for a claimed send (a row of claim-next-send.sql: {@code contact_name},
     * {@code domain} and the campaign columns {@link CampaignPitch#of} reads), in its campaign's pitch.
     */
    public String render(int step, Map<String, Object> claimed) {
        Object name = claimed.get("contact_name");
        return render(
                step,
                name == null ? null : name.toString(),
                String.valueOf(claimed.get("domain")),
                CampaignPitch.of(claimed));
    }

    /**
     * @param campaign the prospect's campaign: its variables, and its templates directory, whose
     *                 followup.txt.ftl wins over the global one
     * @throws DraftFailed naming the template at fault and what to do
     */
    public String render(int step, String firstName, String domain, CampaignPitch campaign) {
        var context = new DraftContext(
                firstName, null, domain, null, null, null, null, senderName, null, null, null, null, senderSignature);
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put("greeting", context.greeting());
        if (firstName != null && !firstName.isBlank()) {
            variables.put("firstName", firstName);
        }
        variables.put("domain", domain);
        variables.put("senderName", senderName);
        variables.put("senderSignature", context.variables().getOrDefault("senderSignature", senderName));
        variables.putAll(campaign.variables());
        CampaignFiles files = CampaignFiles.of(engine, campaign);
        String where = files.own(TEMPLATE) != null
                ? "the follow-up " + files.describeOwn(TEMPLATE)
                : "the follow-up template " + TEMPLATE + " (" + engine.templates() + ")";
        try {
            Template template =
                    files.directory() == null ? engine.file(TEMPLATE) : engine.file(TEMPLATE, files.directory());
            var out = new StringWriter();
            template.process(variables, out);
            return out.toString().replace("\r\n", "\n").strip() + "\n";
        } catch (TemplateNotFoundException e) {
            throw new DraftFailed(where + " is missing", e);
        } catch (ParseException e) {
            throw new DraftFailed(
                    where + " has a syntax error at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                            + ": " + TemplateMessages.summary(e.getEditorMessage()),
                    e);
        } catch (InvalidReferenceException e) {
            throw new DraftFailed(
                    where + TemplateMessages.atLine(e) + ": " + TemplateMessages.missing(e, VARIABLES, campaign), e);
        } catch (TemplateException e) {
            throw new DraftFailed(
                    where + TemplateMessages.atLine(e) + ": " + TemplateMessages.summary(e.getMessageWithoutStackTop()),
                    e);
        } catch (IOException e) {
            throw new DraftFailed(where + " cannot be rendered: " + e.getMessage(), e);
        }
    }
}
