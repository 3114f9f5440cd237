package dev.outreachpipeline.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the quoted history off a reply, so only what the person wrote is classified: lines starting
 * with {@code >}, and everything from the first line that begins a quoted message
 * (src/main/resources/replies/quote-headers.txt: "On … wrote:", "-----Original Message-----", an
 * Outlook From:/Sent: block, and their German, French and Spanish forms). A header wrapped over two
 * lines (as Gmail wraps a long "On … wrote:") is recognised too.
 */
final class QuotedHistory {

    /** How many lines after a block's first line its second marker may come. */
    private static final int BLOCK_REACH = 3;

    private record Marker(Pattern line, Pattern later) {}

    private static final List<Marker> MARKERS = ResourceLines.of("quote-headers.txt").stream()
            .map(QuotedHistory::marker)
            .toList();

    private QuotedHistory() {}

    static String strip(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines =
                text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        var kept = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (beginsHistory(lines, i)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(lines.get(i));
            }
        }
        return String.join("\n", kept).strip();
    }

    private static boolean beginsHistory(List<String> lines, int i) {
        String line = lines.get(i).strip();
        String joined = i + 1 < lines.size() ? line + " " + lines.get(i + 1).strip() : line;
        for (Marker m : MARKERS) {
            boolean starts = m.line().matcher(line).matches()
                    || (m.later() == null && m.line().matcher(joined).matches());
            if (!starts) {
                continue;
            }
            if (m.later() == null) {
                return true;
            }
            for (int j = i + 1; j <= i + BLOCK_REACH && j < lines.size(); j++) {
                if (m.later().matcher(lines.get(j).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Marker marker(String spec) {
        int arrow = spec.indexOf(" => ");
        if (arrow < 0) {
            return new Marker(compile(spec), null);
        }
        return new Marker(compile(spec.substring(0, arrow)), compile(spec.substring(arrow + 4)));
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex.strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
