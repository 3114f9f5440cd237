package dev.outreachpipeline.bench;

import dev.outreachpipeline.discovery.SerpCall;
import dev.outreachpipeline.discovery.SerpItem;
import dev.outreachpipeline.discovery.SerpOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SERP pages of organic items shaped like DataForSEO's (each item's JSON as large as a real one), where a
 * chosen share of the items repeats a domain already handed out, so that de-duplication has work to do.
 */
final class SyntheticSerps {

    private static final String ITEM = """
            {"type":"organic","rank_group":%d,"rank_absolute":%d,"position":"left","xpath":"/html[1]/body[1]/div[3]/div[1]/div[13]/div[1]/div[2]/div[2]/div[3]/div[1]/div[1]",\
            "domain":"%s","title":"%s","url":"https://%s/guide/","cache_url":null,"related_search_url":null,\
            "breadcrumb":"https://%s › guide","website_name":"%s","is_image":false,"is_video":false,"is_featured_snippet":false,\
            "is_malicious":false,"is_web_story":false,"description":"Everything you need for a week of plant-based lunches: shopping list, containers, and 12 recipes that keep.",\
            "pre_snippet":null,"extended_snippet":null,"images":null,"amp_version":false,"rating":null,"price":null,"highlighted":[],"links":null,\
            "faq":null,"extended_people_also_search":null,"about_this_result":null,"related_result":null,"rectangle":null}""";

    private final SplittableRandom random;
    private final double duplicateShare;
    private int issued;
    private int repeats;

    private final String prefix;

    SyntheticSerps(long seed, double duplicateShare) {
        this(seed, duplicateShare, "site-");
    }

    /** @param prefix what every domain starts with, so that two generators never hand out the same one */
    SyntheticSerps(long seed, double duplicateShare, String prefix) {
        this.random = new SplittableRandom(seed);
        this.duplicateShare = duplicateShare;
        this.prefix = prefix;
    }

    /** One page of {@code size} organic results. */
    SerpCall page(int size) {
        List<SerpItem> items = new ArrayList<>(size);
        for (int rank = 1; rank <= size; rank++) {
            int n;
            if (issued > 0 && random.nextDouble() < duplicateShare) {
                n = random.nextInt(issued);
                repeats++;
            } else {
                n = issued++;
            }
            String domain = prefix + n + ".bench-example.com";
            String title = "Guide " + n + " - Site " + n;
            String json = ITEM.formatted(rank, rank, domain, title, domain, domain, "Site " + n);
            items.add(new SerpItem("organic", rank, rank, "https://" + domain + "/guide/", title, json));
        }
        BigDecimal cost = new BigDecimal("0.002");
        return new SerpCall(new SerpOutcome.Results(null, items, cost), 1, cost);
    }

    /** Distinct domains handed out so far. */
    int distinct() {
        return issued;
    }

    int repeats() {
        return repeats;
    }
}
