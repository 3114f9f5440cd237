package dev.outreachpipeline.replies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies a message that answers one of ours by its headers and its own words: automatic ones
 * (RFC 3834 Auto-Submitted, X-Autoreply, X-Auto-Response-Suppress, Precedence, an out-of-office
 * subject) are {@code out_of_office} when they say the person is away, otherwise {@code auto_reply};
 * a person's are {@code unsubscribe_request}, {@code out_of_office}, {@code interested} or
 * {@code not_interested} by the phrase lists under src/main/resources/replies/, read in the subject
 * and in the text without its quoted history. No phrase, or phrases of classes that contradict each
 * other, is {@code needs_review}: a person decides. Deterministic and without a database.
 */
public final class ReplyTextClassifier {

    private static final PhraseList OUT_OF_OFFICE = PhraseList.load("out-of-office.txt");
    private static final PhraseList UNSUBSCRIBE = PhraseList.load("unsubscribe.txt");
    private static final PhraseList INTERESTED = PhraseList.load("interested.txt");
    private static final PhraseList NOT_INTERESTED = PhraseList.load("not-interested.txt");

    /** Control characters other than line breaks and tabs, and the invisible ones used to hide text. */
    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

    private final ReplySettings settings;

    public ReplyTextClassifier(ReplySettings settings) {
        this.settings = settings;
    }

    /**
     * @param subject   the decoded subject, or null
     * @param body      the message's text as received (quoted history included), or null
     * @param automatic the header signals that a machine answered (empty for a person's message)
     * @param received  when the message was written or received (the day return dates count from)
     */
    public ReplyVerdict classify(String subject, String body, List<String> automatic, Instant received) {
        String own =
                QuotedHistory.strip(CONTROL.matcher(body == null ? "" : body).replaceAll(""));
        String text = limited(own);
        String words = PhraseList.normalize((subject == null ? "" : subject) + "\n" + own);
        List<String> away = OUT_OF_OFFICE.found(words);
        boolean awaySubject = automatic.contains("out-of-office subject");

        if (!automatic.isEmpty()) {
            var signals = new ArrayList<>(automatic);
            if (!away.isEmpty() || awaySubject) {
                away.forEach(p -> signals.add("phrase '" + p + "'"));
                return outOfOffice(signals, own, received, text);
            }
            return new ReplyVerdict(ReplyClass.AUTO_REPLY, signals, null, null, text);
        }

        var found = new LinkedHashMap<ReplyClass, List<String>>();
        put(found, ReplyClass.UNSUBSCRIBE_REQUEST, UNSUBSCRIBE.found(words));
        put(found, ReplyClass.OUT_OF_OFFICE, away);
        List<String> declined = NOT_INTERESTED.found(words);
        put(found, ReplyClass.NOT_INTERESTED, declined);
        put(found, ReplyClass.INTERESTED, INTERESTED.found(NOT_INTERESTED.without(words)));

        var signals = new ArrayList<String>();
        found.forEach((c, phrases) -> phrases.forEach(p -> signals.add(c.id() + " phrase '" + p + "'")));
        // "Not interested, please take me off your list" asks for both: the objection wins.
        if (found.containsKey(ReplyClass.UNSUBSCRIBE_REQUEST) && !found.containsKey(ReplyClass.INTERESTED)) {
            return new ReplyVerdict(ReplyClass.UNSUBSCRIBE_REQUEST, signals, null, null, text);
        }
        if (found.size() == 1) {
            ReplyClass only = found.keySet().iterator().next();
            if (only == ReplyClass.OUT_OF_OFFICE) {
                return outOfOffice(signals, own, received, text);
            }
            return new ReplyVerdict(only, signals, null, null, text);
        }
        if (found.size() > 1) {
            signals.add(0, "phrases of more than one class");
        }
        return new ReplyVerdict(ReplyClass.NEEDS_REVIEW, signals, null, null, text);
    }

    private ReplyVerdict outOfOffice(List<String> signals, String own, Instant received, String text) {
        LocalDate day = received.atZone(ZoneOffset.UTC).toLocalDate();
        var back = ReturnDates.find(own, day);
        Instant until = back.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(received.plus(java.time.Duration.ofDays(settings.snoozeDays())));
        var all = new ArrayList<>(signals);
        all.add(back.map(d -> "back on " + d).orElse("no return date stated"));
        return new ReplyVerdict(ReplyClass.OUT_OF_OFFICE, all, back.orElse(null), until, text);
    }

    private String limited(String text) {
        int max = settings.maxTextChars();
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static void put(Map<ReplyClass, List<String>> found, ReplyClass c, List<String> phrases) {
        if (!phrases.isEmpty()) {
            found.put(c, phrases);
        }
    }
}
