package dev.outreachpipeline.drafting;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which file a campaign's template comes from, as the renderers name it in their messages: the
 * campaign's own file when its directory has one, else the global template.
 *
 * @param directory the campaign's templates directory, or null for the global templates
 */
record CampaignFiles(CampaignPitch pitch, Path directory) {

    /**
     * The campaign's templates, whose directory must exist: a campaign whose directory is gone
     * fails its drafts (and follow-ups) rather than quietly sending the global pitch.
     *
     * @throws DraftFailed naming the directory and how to change it
     */
    static CampaignFiles of(TemplateEngine engine, CampaignPitch pitch) {
        Path dir = engine.campaignDirectory(pitch);
        if (dir != null && !Files.isDirectory(dir)) {
            String name = pitch.campaignName() == null ? "NAME" : pitch.campaignName();
            throw new DraftFailed("the templates directory " + dir + " of " + pitch.described()
                    + " does not exist or is not a directory; restore it, or change it with `outreach campaign update "
                    + name + " --templates DIR` (--templates \"\" for the global templates)");
        }
        return new CampaignFiles(pitch, dir);
    }

    /** The campaign's own copy of {@code templateName}, or null when the global one is used. */
    Path own(String templateName) {
        if (directory == null) {
            return null;
        }
        Path file = directory.resolve(templateName);
        return Files.isRegularFile(file) ? file : null;
    }

    /** "template subject.ftl of campaign 'acme' (/srv/acme/subject.ftl)", when the campaign has its own. */
    String describeOwn(String templateName) {
        return "template " + templateName + " of " + pitch.described() + " (" + own(templateName) + ")";
    }
}
