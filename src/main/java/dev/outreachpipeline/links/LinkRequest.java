package dev.outreachpipeline.links;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Adding a placement, as `links add` and {@code POST /api/v1/links} both do it: the page must be an
 * http(s) URL; the target is the one given or else the prospect's campaign's site (refused when
 * there is neither). A page on another host than the prospect's domain is added with a warning,
 * as sites syndicate their posts and run blogs on other domains.
 */
public final class LinkRequest {

    /** The outcome: the new placement's id and any warnings, or the problems that refused it. */
    public record Outcome(String linkId, List<String> warnings, List<String> problems) {
        public boolean added() {
            return linkId != null;
        }
    }

    private final LinkStore store;

    public LinkRequest(LinkStore store) {
        this.store = store;
    }

    public Outcome add(String prospectId, String url, String anchor, String target) throws SQLException {
        var problems = new ArrayList<String>();
        var warnings = new ArrayList<String>();
        if (!isUuid(prospectId)) {
            problems.add("'" + prospectId + "' is not a prospect id (a UUID)");
            return new Outcome(null, warnings, problems);
        }
        Optional<Map<String, Object>> prospect = store.prospect(prospectId);
        if (prospect.isEmpty()) {
            problems.add("there is no prospect " + prospectId);
            return new Outcome(null, warnings, problems);
        }
        String page = url == null ? "" : url.strip();
        Optional<String> host = TargetUrl.host(page);
        if (host.isEmpty()) {
            problems.add("the page must be an http:// or https:// URL, not '" + page + "'");
        }
        String chosenTarget =
                target == null || target.isBlank() ? (String) prospect.get().get("campaign_site_url") : target.strip();
        if (chosenTarget == null || chosenTarget.isBlank()) {
            problems.add("campaign '" + prospect.get().get("campaign")
                    + "' has no target site; give --target URL (or set it: campaign update NAME --site URL)");
        } else if (TargetUrl.key(chosenTarget).isEmpty()) {
            problems.add("the target must be an http:// or https:// URL, not '" + chosenTarget + "'");
        }
        String anchorExpected = anchor == null || anchor.isBlank() ? null : anchor.strip();
        if (anchorExpected != null && anchorExpected.chars().anyMatch(Character::isISOControl)) {
            problems.add("the anchor text must not hold control characters");
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, warnings, problems);
        }
        String domain = (String) prospect.get().get("domain");
        String pageHost = TargetUrl.hostKey(host.get());
        if (!pageHost.equals(TargetUrl.hostKey(domain)) && !pageHost.endsWith("." + TargetUrl.hostKey(domain))) {
            warnings.add("the page is on " + host.get() + ", not on the prospect's domain " + domain
                    + " (added anyway: sites syndicate)");
        }
        Optional<String> id = store.insert(prospectId, page, chosenTarget, anchorExpected);
        if (id.isEmpty()) {
            problems.add("prospect " + prospectId + " already has a placement on " + page);
            return new Outcome(null, warnings, problems);
        }
        return new Outcome(id.get(), warnings, problems);
    }

    public static boolean isUuid(String text) {
        if (text == null) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
