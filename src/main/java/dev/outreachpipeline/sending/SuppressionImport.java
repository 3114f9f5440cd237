package dev.outreachpipeline.sending;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A suppression file (see {@link SuppressionFile}) added to the list, as {@code outreach suppress import}
 * and the console's import do it: every line that can be read is added, every other one is refused
 * with its number and why, and the counts say what came of it.
 *
 * @param refused the lines that were not added, in file order, each with its refusal
 */
public record SuppressionImport(int added, int alreadySuppressed, List<SuppressionFile.Line> refused) {

    /** At most this many refused lines are named in a summary; the rest are counted. */
    static final int NAMED = 20;

    public static SuppressionImport run(Suppressions list, List<SuppressionFile.Line> lines) throws SQLException {
        int added = 0;
        int known = 0;
        var refused = new ArrayList<SuppressionFile.Line>();
        for (SuppressionFile.Line line : lines) {
            if (line.refused()) {
                refused.add(line);
            } else if (list.add(line.entry(), line.reason(), line.source())) {
                added++;
            } else {
                known++;
            }
        }
        return new SuppressionImport(added, known, List.copyOf(refused));
    }

    /** "Added 2, already suppressed 1, refused 1 (line 4: 'x' is neither an email address nor a domain)." */
    public String summary() {
        var sentence = new StringBuilder(
                "Added " + added + ", already suppressed " + alreadySuppressed + ", refused " + refused.size());
        if (!refused.isEmpty()) {
            var named = refused.stream()
                    .limit(NAMED)
                    .map(l -> "line " + l.number() + ": " + l.refusal())
                    .toList();
            sentence.append(" (")
                    .append(String.join("; ", named))
                    .append(refused.size() > NAMED ? "; and " + (refused.size() - NAMED) + " more" : "")
                    .append("; every other line was added)");
        }
        return sentence.append('.').toString();
    }
}
