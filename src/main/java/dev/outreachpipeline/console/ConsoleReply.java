package dev.outreachpipeline.console;

import java.util.Map;

/** What a console handler answers: a page (or an htmx fragment) rendered from a template, or a redirect. */
public sealed interface ConsoleReply {

    /**
     * @param template a template under {@code console/}, e.g. {@code jobs.html.ftl}; a full page imports
     *                 {@code layout.html.ftl}, a fragment for htmx does not
     * @param model    strings, numbers, booleans, lists and maps only
     */
    record Page(int status, String template, Map<String, ?> model) implements ConsoleReply {}

    /**
     * See-other to {@code to} (a path on this console), after a form; {@code flash} (may be null) is shown
     * once on the page it leads to.
     */
    record Redirect(String to, String flash) implements ConsoleReply {}

    /**
     * A document that is not ours (an email's HTML part), answered for a sandboxed frame of a console page
     * only: no script, no request to anywhere, and no page but this console's may frame it.
     */
    record Framed(String html) implements ConsoleReply {}

    static Page page(String template, Map<String, ?> model) {
        return new Page(200, template, model);
    }

    static Redirect redirect(String to, String flash) {
        return new Redirect(to, flash);
    }
}
