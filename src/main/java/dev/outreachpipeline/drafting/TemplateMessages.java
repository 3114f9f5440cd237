package dev.outreachpipeline.drafting;

import freemarker.core.InvalidReferenceException;
import freemarker.template.TemplateException;
import java.util.ArrayList;
import java.util.List;

/** FreeMarker's error messages made into the one-line reasons a draft or follow-up records. */
final class TemplateMessages {

    private TemplateMessages() {}

    /** ", line 3" when FreeMarker knows where in the template it went wrong, else "". */
    static String atLine(TemplateException e) {
        return e.getLineNumber() == null ? "" : ", line " + e.getLineNumber();
    }

    /** FreeMarker's message on one line, without the tips it appends after a "----" line. */
    static String summary(String message) {
        String m = message == null ? "" : message;
        int tips = m.indexOf("\n----");
        String s = DraftContext.oneLine(tips < 0 ? m : m.substring(0, tips));
        return s == null ? "" : s;
    }

    /**
     * Names the variable a template used without a value: unknown altogether (listing the ones
     * there are), one this prospect has no value for, or a campaign's site it does not have.
     *
     * @param variables the template's own variables; the campaign's come from {@link CampaignPitch#VARIABLES}
     */
    static String missing(InvalidReferenceException e, List<String> variables, CampaignPitch campaign) {
        String expr = e.getBlamedExpressionString();
        if (expr == null || !expr.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return summary(e.getMessageWithoutStackTop());
        }
        String fix = " write ${" + expr + "!…} or <#if " + expr + "??>…</#if>";
        if (CampaignPitch.VARIABLES.contains(expr)) {
            String name = campaign.campaignName() == null ? "NAME" : campaign.campaignName();
            return "the variable '" + expr + "' is empty because " + campaign.described()
                    + " has no site, and the template gives it no default; set one with `outreach campaign update "
                    + name + " --site URL`, or" + fix;
        }
        if (variables.contains(expr)) {
            return "the variable '" + expr + "' is empty for this prospect and the template gives it no default;" + fix;
        }
        var all = new ArrayList<>(variables);
        all.addAll(CampaignPitch.VARIABLES);
        return "unknown variable '" + expr + "'; the variables are " + String.join(", ", all);
    }
}
