package dev.outreachpipeline.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.config.OutreachConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Checks one placement: fetches its page ({@link PageFetcher}), reads it ({@link LinkPageParser})
 * and decides its status ({@link LinkOutcomes}). It records nothing: the 70-links route and the
 * {@code links check} command / API write the result with sql/record-link-check.sql. The route's
 * job (scheduled, every due placement), the command and the API all check through this bean.
 */
public final class LinkChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PageFetcher fetcher;
    private final LinkPageParser parser = new LinkPageParser();
    private final LinkOutcomes outcomes;
    private final Clock clock;

    public LinkChecker(PageFetcher fetcher, RecheckSchedule schedule, Clock clock) {
        this.fetcher = fetcher;
        this.outcomes = new LinkOutcomes(schedule);
        this.clock = clock;
    }

    public static LinkChecker from(OutreachConfig config, Clock clock) {
        return new LinkChecker(
                new PageFetcher(
                        config.get("outreach.links.user-agent"),
                        Duration.ofSeconds(config.getInt("outreach.links.timeout-seconds")),
                        config.getInt("outreach.links.max-page-bytes"),
                        Duration.ofMillis(config.getInt("outreach.links.host-delay-ms"))),
                RecheckSchedule.parse(config.get("outreach.links.recheck-days")),
                clock);
    }

    /** Now by this checker's clock: what "due" is measured against. */
    public OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** @param row a row of sql/links-to-check.sql */
    public LinkCheck check(Map<String, Object> row) throws InterruptedException {
        LinkState before = LinkState.of(row);
        PageVisit visit = visit(before.url(), before.target());
        return outcomes.decide(before, visit, clock.instant());
    }

    PageVisit visit(String url, String target) throws InterruptedException {
        PageFetcher.Fetched fetched = fetcher.fetch(url);
        if (fetched.answer() == null) {
            return PageVisit.unreachable(fetched.httpStatus(), fetched.redirects(), fetched.failure());
        }
        PageFetcher.Answer answer = fetched.answer();
        int status = answer.status();
        if (status == 404 || status == 410) {
            return new PageVisit(
                    true,
                    status,
                    PageFindings.nothing(),
                    false,
                    answer.redirects(),
                    "the page is gone (HTTP " + status + ")");
        }
        if (status < 200 || status >= 300) {
            return PageVisit.unreachable(status, answer.redirects(), "HTTP " + status);
        }
        boolean headerNoindex = LinkPageParser.noindexHeader(answer.robotsTags());
        if (!answer.isHtml()) {
            return new PageVisit(
                    true,
                    status,
                    PageFindings.nothing(),
                    headerNoindex,
                    answer.redirects(),
                    "not an HTML page (" + answer.mimeType() + ")");
        }
        PageFindings findings = parser.parse(document(answer), answer.url(), target);
        return new PageVisit(true, status, findings, headerNoindex || findings.noindexMeta(), answer.redirects(), null);
    }

    /** jsoup decodes by the header's charset, else the page's own meta charset, else UTF-8. */
    private static Document document(PageFetcher.Answer answer) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(answer.body()), answer.charset(), answer.url());
        } catch (IOException e) {
            throw new UncheckedIOException("a page already in memory could not be read", e);
        }
    }

    /** The job's result: how many placements were checked, by the status each ended in. */
    public String resultJson(List<LinkCheck> checks) throws com.fasterxml.jackson.core.JsonProcessingException {
        var byStatus = new TreeMap<String, Integer>();
        checks.forEach(c -> byStatus.merge(c.status().dbName(), 1, Integer::sum));
        return JSON.writeValueAsString(Map.of("links_checked", checks.size(), "by_status", byStatus));
    }
}
