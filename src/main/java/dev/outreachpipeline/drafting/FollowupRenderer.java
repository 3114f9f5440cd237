package dev.outreachpipeline.drafting;

import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The body of a follow-up, from {@code followup.txt.ftl} in the drafts' templates folder (or the
 * jar's copy), rendered when it is sent: it only greets, reminds and signs, so nothing of the first
 * draft needs to be stored for it. It is read through the same {@link TemplateEngine} as the drafts,
 * under the same restrictions. A template error is a {@link DraftFailed}, as for drafts.
 */
public final class FollowupRenderer {

    public static final String TEMPLATE = "followup.txt.ftl";

    private final TemplateEngine engine;
    private final String senderName;

    public FollowupRenderer(TemplateEngine engine, String senderName) {
        this.engine = engine;
        this.senderName = senderName;
    }

    public String render(int step, String firstName, String domain) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put(
                "greeting", new DraftContext(firstName, null, domain, null, null, null, null, senderName).greeting());
        if (firstName != null && !firstName.isBlank()) {
            variables.put("firstName", firstName);
        }
        variables.put("domain", domain);
        variables.put("senderName", senderName);
        String where = "the follow-up template " + TEMPLATE + " (" + engine.templates() + ")";
        try {
            Template template = engine.file(TEMPLATE);
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
        } catch (TemplateException e) {
            throw new DraftFailed(
                    where + TemplateMessages.atLine(e) + ": " + TemplateMessages.summary(e.getMessageWithoutStackTop()),
                    e);
        } catch (IOException e) {
            throw new DraftFailed(where + " cannot be rendered: " + e.getMessage(), e);
        }
    }
}
