package dev.outreachpipeline.drafting;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * The HTML part of a draft made from its text part, so that the two say the same thing word for word:
 * a paragraph (lines up to a blank line) is a {@code <p>}, a line break inside a paragraph a
 * {@code <br>}, a URL a link to itself. Every character of the text is escaped; only the markup written
 * here is markup. URLs are found by autolink, as the links gate finds them: text starting with a scheme
 * and {@code ://}, or with {@code www.}; only http, https and www. ones become links (a
 * {@code javascript://} one stays text).
 *
 * <p>The result depends on the text alone: an edit of the text can tell whether the stored HTML was made
 * here (and so can be made again from the new text) by comparing it with {@link #html} of the old text.
 */
public final class HtmlFromText {

    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW))
            .build();
    private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();
    private static final Pattern BLANK_LINES = Pattern.compile("\n(?:[ \t]*\n)+");

    private HtmlFromText() {}

    /** @param text the draft's text body, paragraphs separated by blank lines */
    public static String html(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        var html = new StringBuilder("<!DOCTYPE html>\n<html>\n<body>\n");
        for (String paragraph : paragraphs(normalised)) {
            html.append("<p>");
            String[] lines = paragraph.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>\n");
                }
                appendLine(lines[i].stripTrailing(), html);
            }
            html.append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static List<String> paragraphs(String text) {
        var paragraphs = new ArrayList<String>();
        for (String p : BLANK_LINES.split(text)) {
            if (!p.isBlank()) {
                paragraphs.add(p);
            }
        }
        return paragraphs;
    }

    /**
     * Where a link found in the text goes: a www. address over https, a URL as written when it is http
     * or https; null for any other scheme (javascript://…, data://…), which stays text.
     */
    private static String href(LinkSpan link, String text) {
        if (link.getType() == LinkType.WWW) {
            return "https://" + text;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? text : null;
    }

    private static void appendLine(String line, StringBuilder html) {
        for (Span span : LINKS.extractSpans(line)) {
            String part = line.substring(span.getBeginIndex(), span.getEndIndex());
            String href = span instanceof LinkSpan link ? href(link, part) : null;
            if (href != null) {
                html.append("<a href=\"")
                        .append(ESCAPER.escape(href))
                        .append("\">")
                        .append(ESCAPER.escape(part))
                        .append("</a>");
            } else {
                html.append(ESCAPER.escape(part));
            }
        }
    }
}
