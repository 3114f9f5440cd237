package dev.outreachpipeline.drafting;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a prospect's campaign adds to its drafts and follow-ups: the campaign's name and target site
 * as template variables, and the campaign's templates directory, whose files win over the global
 * ones file by file.
 *
 * @param campaignName the campaign's name, or null outside any campaign (a test, a renderer call that names none)
 * @param siteUrl      the campaign's target site as stored (an http(s) URL), or null when it has none
 * @param templatesDir the campaign's templates directory as stored, or null for the global templates
 */
public record CampaignPitch(String campaignName, String siteUrl, String templatesDir) {

    /** No campaign: the global templates, and no campaign variables. */
    public static final CampaignPitch NONE = new CampaignPitch(null, null, null);

    /** The variables a campaign adds; a template may use each of them in every template. */
    public static final List<String> VARIABLES = List.of("campaignName", "targetSite", "targetDomain");

    /**
     * The campaign columns of a row read by draft-context.sql or claim-next-send.sql:
     * {@code campaign_name}, {@code campaign_site_url}, {@code campaign_templates_dir}.
     */
    public static CampaignPitch of(Map<String, Object> row) {
        return new CampaignPitch(
                text(row.get("campaign_name")),
                text(row.get("campaign_site_url")),
                text(row.get("campaign_templates_dir")));
    }

    /**
     * The host of the target site, lower-case and without a leading {@code www.}: what a person
     * calls the site ("a link to example.com"). Null without a site, or when it is not an
     * http(s) URL with a host.
     */
    public String targetDomain() {
        if (siteUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(siteUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            // campaign create/update accept only http(s) URLs; a row written by hand is held to the same.
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The campaign's templates directory; a relative one (written into the table by hand, the CLI
     * stores absolute paths) is taken from {@code workDir}. Null for the global templates.
     */
    public Path directory(Path workDir) {
        if (templatesDir == null || templatesDir.isBlank()) {
            return null;
        }
        Path dir = Path.of(templatesDir.strip());
        return dir.isAbsolute() || workDir == null ? dir : workDir.resolve(dir);
    }

    /**
     * campaignName, targetSite and targetDomain, each left out when the campaign has none (no site:
     * neither targetSite nor targetDomain), so that a template's default applies as for any missing value.
     */
    Map<String, Object> variables() {
        var vars = new LinkedHashMap<String, Object>();
        put(vars, "campaignName", campaignName);
        String domain = targetDomain();
        if (domain != null) {
            put(vars, "targetSite", siteUrl);
            put(vars, "targetDomain", domain);
        }
        return vars;
    }

    /** "campaign 'acme'" for messages ("the campaign" when it has no name). */
    String described() {
        return campaignName == null ? "the campaign" : "campaign '" + campaignName + "'";
    }

    private static void put(Map<String, Object> vars, String name, String value) {
        String v = DraftContext.oneLine(value);
        if (v != null) {
            vars.put(name, v);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
