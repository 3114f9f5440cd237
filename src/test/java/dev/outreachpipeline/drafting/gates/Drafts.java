package dev.outreachpipeline.drafting.gates;

import dev.outreachpipeline.drafting.Draft;

/** Drafts for the gates' tests: a plain one that passes every gate, and variations of it. */
final class Drafts {

    static final String PAGE = "https://garden.example/shade-plants?utm_source=x";
    static final String SITE = "https://www.our-site.example/";
    static final String BODY = """
            Hi Ana,

            I came across your page "Ten shade-loving plants" (https://garden.example/shade-plants) while
            reading about shade plants, and enjoyed it. Would you be open to a guest post? All I would ask
            is a link to our-site.example.

            Thank you for reading,
            Sam Sender
            """;

    private Drafts() {}

    static DraftUnderReview plain() {
        return draft("A guest post idea for garden.example", BODY, null);
    }

    static DraftUnderReview draft(String subject, String text, String html) {
        return new DraftUnderReview(new Draft(subject, text, html), PAGE, SITE);
    }

    static DraftUnderReview withBody(String text) {
        return draft("A guest post idea for garden.example", text, null);
    }
}
