package dev.outreachpipeline.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * What a draft template may use about one prospect. Any value may be null here; the renderer
 * refuses to draft without a contact email, a domain and a sender name, and the templates must
 * give the others a default where they use them. The variables, with an example of each, are listed
 * in docs/templates.md.
 *
 * @param firstName       the contact's first name (prospects.contact_name)
 * @param fullName        the contact's first and last name, from Hunter's entry for the chosen address
 * @param position        the contact's position, from the same entry
 * @param pageTitle       the page's title as the SERP gave it; {@link PageTitle} cleans it
 * @param pageUrl         the page's URL; {@link PageUrl} removes its tracking parameters
 * @param snippet         the SERP description of the page
 * @param rank            the page's absolute rank in the SERP
 * @param senderSignature the sender's signature (several lines), or null: the sender's name signs
 */
public record DraftContext(
        String firstName,
        String contactEmail,
        String domain,
        String pageTitle,
        String pageUrl,
        String keyword,
        String location,
        String senderName,
        String fullName,
        String position,
        String snippet,
        Integer rank,
        String senderSignature) {

    /** The greeting when the contact's first name is unknown. */
    public static final String FALLBACK_GREETING = "Hi there,";

    /** The step of a first message; the n-th follow-up is step n. */
    public static final int FIRST_MESSAGE_STEP = 0;

    /**
     * Every variable of a prospect a template can refer to; with the campaign's ({@link
     * CampaignPitch#VARIABLES}), any other name is a mistake in the template.
     */
    public static final List<String> VARIABLES = List.of(
            "greeting",
            "firstName",
            "fullName",
            "position",
            "contactEmail",
            "domain",
            "siteName",
            "pageTitle",
            "pageUrl",
            "snippet",
            "keyword",
            "location",
            "rank",
            "senderName",
            "senderSignature",
            "step");

    /** A prospect known by the values drafts had at first: no contact details, SERP snippet or signature. */
    public DraftContext(
            String firstName,
            String contactEmail,
            String domain,
            String pageTitle,
            String pageUrl,
            String keyword,
            String location,
            String senderName) {
        this(
                firstName,
                contactEmail,
                domain,
                pageTitle,
                pageUrl,
                keyword,
                location,
                senderName,
                null,
                null,
                null,
                null,
                null);
    }

    /** "Hi Ana," or, without a usable first name, {@link #FALLBACK_GREETING}. */
    public String greeting() {
        String name = oneLine(firstName);
        return name == null ? FALLBACK_GREETING : "Hi " + name + ",";
    }

    /**
     * The template variables. Values come from scraped pages and Hunter.io, where titles carry
     * newlines, tabs and HTML entities and names may be blank: each is made one line, and a blank
     * one is left out, so that a template's default ({@code ${pageTitle!domain}}) applies to it as to
     * a missing one. The signature alone keeps its line breaks (it is our own setting); without one,
     * it is the sender's name.
     */
    Map<String, Object> variables() {
        var vars = new LinkedHashMap<String, Object>();
        vars.put("greeting", greeting());
        put(vars, "firstName", firstName);
        put(vars, "fullName", fullName);
        put(vars, "position", position);
        put(vars, "contactEmail", contactEmail);
        put(vars, "domain", domain);
        PageTitle title = PageTitle.of(pageTitle, oneLine(domain), oneLine(keyword));
        put(vars, "siteName", title.siteName());
        put(vars, "pageTitle", title.title());
        put(vars, "pageUrl", PageUrl.withoutTracking(pageUrl));
        put(vars, "snippet", snippet == null ? null : StringEscapeUtils.unescapeHtml4(snippet));
        put(vars, "keyword", keyword);
        put(vars, "location", location);
        if (rank != null) {
            vars.put("rank", rank);
        }
        put(vars, "senderName", senderName);
        String signature = lines(senderSignature);
        if (signature != null) {
            vars.put("senderSignature", signature);
        } else {
            put(vars, "senderSignature", senderName);
        }
        vars.put("step", FIRST_MESSAGE_STEP);
        return vars;
    }

    /**
     * A multi-line value (the signature): each line made one line as {@link #oneLine} does (a blank
     * one kept empty, so a signature may hold a blank line), the blank lines at either end dropped,
     * lines joined with \n; null when nothing is left.
     */
    static String lines(String value) {
        if (value == null) {
            return null;
        }
        var out = new ArrayList<String>();
        for (String line : value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String l = oneLine(line);
            out.add(l == null ? "" : l);
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out.isEmpty() ? null : String.join("\n", out);
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
