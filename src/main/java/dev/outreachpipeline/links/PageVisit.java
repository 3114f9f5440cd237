package dev.outreachpipeline.links;

import java.util.List;

/**
 * What fetching a placement's page came to.
 *
 * @param reached    true when a page answered (2xx, or 404/410: a page that is gone); false when there was
 *                   nothing to look at (timeout, 5xx, other 4xx, too many redirects, robots.txt forbids it)
 * @param httpStatus the last answer's status; null when none came
 * @param findings   what the page says about the link ({@link PageFindings#nothing()} unless a 2xx page)
 * @param noindex    a robots meta tag or X-Robots-Tag header said noindex
 * @param redirects  the redirects followed, in order
 * @param reason     why the page was unreachable or the link counts absent without being looked for; null otherwise
 */
public record PageVisit(
        boolean reached,
        Integer httpStatus,
        PageFindings findings,
        boolean noindex,
        List<Redirect> redirects,
        String reason) {

    public PageVisit {
        redirects = List.copyOf(redirects);
    }

    public static PageVisit unreachable(Integer httpStatus, List<Redirect> redirects, String reason) {
        return new PageVisit(false, httpStatus, PageFindings.nothing(), false, redirects, reason);
    }
}
