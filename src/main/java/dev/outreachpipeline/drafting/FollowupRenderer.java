package dev.outreachpipeline.drafting;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The body of a follow-up, from {@code followup.txt.ftl} in the drafts' templates folder (or the
 * jar's copy), rendered when it is sent: it only greets, reminds and signs, so nothing of the first
 * draft needs to be stored for it. A template error is a {@link DraftFailed}, as for drafts.
 */
public final class FollowupRenderer {

    public static final String TEMPLATE = "followup.txt.ftl";

    private final Configuration freemarker;
    private final String senderName;

    public FollowupRenderer(DraftTemplates templates, String senderName) {
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        this.freemarker.setTemplateLoader(templates.loader());
        this.freemarker.setDefaultEncoding("UTF-8");
        this.freemarker.setLogTemplateExceptions(false);
        this.freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        this.senderName = senderName;
    }

    public String render(int step, String firstName, String domain) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put("greeting", new DraftContext(firstName, null, domain, null, null, null, null, senderName).greeting());
        if (firstName != null && !firstName.isBlank()) {
            variables.put("firstName", firstName);
        }
        variables.put("domain", domain);
        variables.put("senderName", senderName);
        try {
            Template template = freemarker.getTemplate(TEMPLATE);
            var out = new StringWriter();
            template.process(variables, out);
            return out.toString().replace("\r\n", "\n").strip() + "\n";
        } catch (IOException | TemplateException e) {
            throw new DraftFailed("the follow-up template " + TEMPLATE + " cannot be rendered: " + e.getMessage(), e);
        }
    }
}
