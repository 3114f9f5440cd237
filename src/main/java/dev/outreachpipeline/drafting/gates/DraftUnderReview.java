package dev.outreachpipeline.drafting.gates;

import dev.outreachpipeline.drafting.Draft;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered draft with what a gate needs to know about where it goes.
 *
 * @param draft      the subject, text body and (when HTML drafts are on) HTML body
 * @param pageUrl    the prospect's page, the one URL of theirs a draft may name; null when unknown
 * @param targetSite the campaign's target site; null when the campaign has none
 */
public record DraftUnderReview(Draft draft, String pageUrl, String targetSite) {

    public String subject() {
        return draft.subject() == null ? "" : draft.subject();
    }

    public String textBody() {
        return draft.textBody() == null ? "" : draft.textBody();
    }

    /** The parts a reader sees, each with the name a message gives it: subject, text body, HTML body if any. */
    public List<Part> parts() {
        var parts = new ArrayList<Part>();
        parts.add(new Part("subject", subject()));
        parts.add(new Part("text body", textBody()));
        if (draft.htmlBody() != null) {
            parts.add(new Part("HTML body", draft.htmlBody()));
        }
        return parts;
    }

    /** @param name "subject", "text body" or "HTML body", as messages name it */
    public record Part(String name, String text) {

        public boolean html() {
            return name.equals("HTML body");
        }
    }
}
