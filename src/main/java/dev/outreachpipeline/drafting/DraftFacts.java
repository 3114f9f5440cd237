package dev.outreachpipeline.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts an LLM writer may use about one prospect: the same cleaned values the templates get
 * (the page title without its site suffix, the page URL without tracking parameters, the SERP
 * snippet with its entities decoded), the campaign's, and the campaign's pitch brief. Nothing
 * else is given, so everything a draft says about the prospect can be traced to one of these.
 */
public final class DraftFacts {

    /** The facts given, in the order the prompt lists them. */
    public static final List<String> NAMES = List.of(
            "pageTitle",
            "siteName",
            "snippet",
            "keyword",
            "domain",
            "pageUrl",
            "firstName",
            "position",
            "campaignName",
            "targetSite",
            "targetDomain");

    private DraftFacts() {}

    /**
     * @param brief the campaign's pitch brief (what we offer), or null; given as the fact {@code brief}
     * @return the facts that have a value, by name, in the order of {@link #NAMES}, the brief last
     */
    public static Map<String, String> of(DraftContext context, CampaignPitch campaign, String brief) {
        Map<String, Object> vars = new LinkedHashMap<>(context.variables());
        vars.putAll(campaign.variables());
        var facts = new LinkedHashMap<String, String>();
        for (String name : NAMES) {
            Object v = vars.get(name);
            if (v != null && !v.toString().isBlank()) {
                facts.put(name, v.toString());
            }
        }
        String b = DraftContext.lines(brief);
        if (b != null) {
            facts.put("brief", b);
        }
        return facts;
    }
}
