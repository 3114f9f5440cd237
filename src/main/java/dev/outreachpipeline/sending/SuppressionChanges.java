package dev.outreachpipeline.sending;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Adding to and lifting from the suppression list as {@code outreach suppress add/remove}, {@code
 * /api/v1/suppressions} and the console's suppressions page do it: every entry checked first (one that
 * is neither an address nor a domain is a reason, and then nothing at all changes), the reason read as
 * {@link SuppressionReason} reads it, then each entry added or lifted and the outcome said per entry.
 */
public final class SuppressionChanges {

    /** The refusal of an add with any bad entry or reason. */
    public static final String NOTHING_SUPPRESSED = "nothing was suppressed";

    /** The refusal of a removal with any bad entry. */
    public static final String NOTHING_REMOVED = "nothing was removed";

    private final Suppressions list;

    public SuppressionChanges(DataSource dataSource) {
        this.list = new Suppressions(dataSource);
    }

    /** Every entry parsed as `suppress add` parses its arguments; each one that is not adds a reason. */
    public static List<Suppressions.Entry> entries(Object given, List<String> reasons) {
        if (!(given instanceof List<?> items) || items.isEmpty()) {
            reasons.add("entries must name at least one email address or domain");
            return List.of();
        }
        var parsed = new ArrayList<Suppressions.Entry>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                reasons.add("every entry must be a string, '" + item + "' is not");
                continue;
            }
            try {
                parsed.add(Suppressions.Entry.parse(text));
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        return parsed;
    }

    /** The reason as given (null or empty: manual; words: kept as a note); null with a reason added when it cannot be kept. */
    public static SuppressionReason reason(Object given, List<String> reasons) {
        if (given != null && !(given instanceof String)) {
            reasons.add("reason must be a string");
            return null;
        }
        try {
            return SuppressionReason.of((String) given, null);
        } catch (IllegalArgumentException e) {
            reasons.add("the reason is not kept: " + e.getMessage());
            return null;
        }
    }

    /** What an add came to: the entries that are new on the list and those that were on it already. */
    public record Added(List<String> suppressed, List<String> alreadySuppressed) {}

    public Added add(List<Suppressions.Entry> entries, SuppressionReason reason, String source) throws SQLException {
        var added = new ArrayList<String>();
        var known = new ArrayList<String>();
        for (Suppressions.Entry e : entries) {
            (list.add(e, reason, source) ? added : known).add(e.value());
        }
        return new Added(List.copyOf(added), List.copyOf(known));
    }

    /** What a removal came to: the entries lifted and those that were not on the list. */
    public record Removed(List<String> removed, List<String> notSuppressed) {}

    public Removed remove(List<Suppressions.Entry> entries) throws SQLException {
        var removed = new ArrayList<String>();
        var missing = new ArrayList<String>();
        for (Suppressions.Entry e : entries) {
            (list.remove(e) ? removed : missing).add(e.value());
        }
        return new Removed(List.copyOf(removed), List.copyOf(missing));
    }
}
