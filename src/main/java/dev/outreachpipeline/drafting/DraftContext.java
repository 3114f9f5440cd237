package dev.outreachpipeline.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a draft template may use about one prospect. Any value may be null here; the renderer
 * refuses to draft without a contact email, a domain and a sender name, and the templates must
 * give the others a default where they use them.
 */
public record DraftContext(
        String firstName,
        String contactEmail,
        String domain,
        String pageTitle,
        String pageUrl,
        String keyword,
        String location,
        String senderName) {

    /** The greeting when the contact's first name is unknown. */
    public static final String FALLBACK_GREETING = "Hi there,";

    /**
     * Every variable of a prospect a template can refer to; with the campaign's ({@link
     * CampaignPitch#VARIABLES}), any other name is a mistake in the template.
     */
    public static final List<String> VARIABLES = List.of(
            "greeting",
            "firstName",
            "contactEmail",
            "domain",
            "pageTitle",
            "pageUrl",
            "keyword",
            "location",
            "senderName");

    /** "Hi Ana," or, without a usable first name, {@link #FALLBACK_GREETING}. */
    public String greeting() {
        String name = oneLine(firstName);
        return name == null ? FALLBACK_GREETING : "Hi " + name + ",";
    }

    /**
     * The template variables. Values come from scraped pages and Hunter.io, where titles carry
     * newlines and tabs and names may be blank: each is made one line, and a blank one is left out,
     * so that a template's default ({@code ${pageTitle!domain}}) applies to it as to a missing one.
     */
    Map<String, Object> variables() {
        var vars = new LinkedHashMap<String, Object>();
        vars.put("greeting", greeting());
        put(vars, "firstName", firstName);
        put(vars, "contactEmail", contactEmail);
        put(vars, "domain", domain);
        put(vars, "pageTitle", pageTitle);
        put(vars, "pageUrl", pageUrl);
        put(vars, "keyword", keyword);
        put(vars, "location", location);
        put(vars, "senderName", senderName);
        return vars;
    }

    private static void put(Map<String, Object> vars, String name, String value) {
        String v = oneLine(value);
        if (v != null) {
            vars.put(name, v);
        }
    }

    /** The value on one line, runs of whitespace and control characters as one space; null when blank. */
    static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        var out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
