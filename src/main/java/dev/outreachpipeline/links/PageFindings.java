package dev.outreachpipeline.links;

import java.util.List;

/**
 * What a page says about the link: whether an {@code <a href>} points at the target, with its
 * anchor text and rel values (nofollow, sponsored, ugc); whether a robots meta tag says noindex;
 * the canonical URL when it names another page.
 */
public record PageFindings(
        boolean found, String anchor, List<String> rel, boolean noindexMeta, String canonicalElsewhere) {

    public PageFindings {
        rel = List.copyOf(rel);
    }

    public static PageFindings nothing() {
        return new PageFindings(false, null, List.of(), false, null);
    }
}
