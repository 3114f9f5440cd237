package dev.outreachpipeline.drafting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a campaign's templates directory before {@code campaign create/update} stores it: it must
 * exist, hold at least one of the template files, and every template must render. Each is rendered
 * once, as a draft job and a follow-up would render it (the same {@link TemplateEngine}, the global
 * templates for the files the directory lacks), for a sample prospect that has every value and the
 * campaign's own site; so a syntax error, an unknown variable, an HTML body that turns escaping off,
 * or a site variable the campaign has no site for is refused here rather than failing every draft.
 * A body.html.ftl is optional (none is shipped): without one the HTML part is made from the text.
 */
public final class CampaignTemplatesCheck {

    /** The files a campaign's directory may hold, each standing in for the global one. */
    public static final List<String> TEMPLATES = List.of(
            DraftRenderer.SUBJECT_TEMPLATE,
            DraftRenderer.TEXT_TEMPLATE,
            DraftRenderer.HTML_TEMPLATE,
            FollowupRenderer.TEMPLATE);

    private static final DraftContext SAMPLE = new DraftContext(
            "Ana",
            "ana@gardenblog.example",
            "gardenblog.example",
            "Ten shade-loving plants | Garden Blog",
            "https://gardenblog.example/shade",
            "shade plants",
            "United States",
            "Sam Sender",
            "Ana Lima",
            "Editor",
            "Plants that thrive without direct sun.",
            3,
            "Sam Sender\nGuest writer");

    private CampaignTemplatesCheck() {}

    /**
     * Why the campaign's templates directory cannot be used, each a sentence; empty when it can.
     *
     * @param campaign the campaign as it would be stored: its name, site and templates directory (absolute)
     * @param global   the global templates (outreach.drafts.templates-dir), for the files the directory lacks
     */
    public static List<String> problems(CampaignPitch campaign, DraftTemplates global) {
        Path dir = campaign.directory(null);
        if (dir == null) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of("The templates directory " + dir + " does not exist or is not a directory.");
        }
        if (TEMPLATES.stream().noneMatch(t -> Files.isRegularFile(dir.resolve(t)))) {
            return List.of("The templates directory " + dir + " holds none of the templates ("
                    + String.join(", ", TEMPLATES) + "); put there the ones this campaign changes.");
        }
        var engine = new TemplateEngine(global);
        try {
            new DraftRenderer(engine, true).render(SAMPLE, campaign, Optional.empty());
            for (int step = 1; step <= 2; step++) {
                new FollowupRenderer(engine, SAMPLE.senderName(), SAMPLE.senderSignature())
                        .render(step, SAMPLE.firstName(), SAMPLE.domain(), campaign);
            }
        } catch (DraftFailed e) {
            return List.of("The campaign's templates do not render: " + e.getMessage() + ".");
        }
        return List.of();
    }
}
