package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where a conversation stands after the first message, beside outreach_status (which keeps saying
 * what the send stage does next). The sender makes a prospect {@code contacted}, a classified reply
 * {@code replied}, {@code interested} or {@code declined}; the operator moves it along the rest
 * ({@code prospects stage ID STAGE}, {@code POST /api/v1/prospects/{id}/stage}). Every change is a
 * row in prospect_stage_history with who, when and why.
 */
public final class ProspectStages {

    /** Every stage, in the order a link is won. */
    public static final List<String> ALL = List.of(
            "contacted",
            "replied",
            "interested",
            "negotiating",
            "agreed",
            "link_placed",
            "link_live",
            "link_lost",
            "declined");

    /** The longest note kept, in characters. */
    public static final int NOTE_LIMIT = 500;

    private static final NamedParameters SET = SqlStatement.SET_PROSPECT_STAGE.jdbc();
    private static final NamedParameters HISTORY = SqlStatement.PROSPECT_STAGE_HISTORY.jdbc();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");

    /**
     * @param found   whether a prospect has the id
     * @param refusal why nothing was changed when the request was wrong (unknown stage, note too long), or null
     * @param from    its stage before (null: none yet)
     * @param to      its stage now
     * @param changed whether the stage changed (false when it was there already)
     */
    public record Outcome(boolean found, String refusal, String from, String to, boolean changed) {}

    private final DataSource dataSource;

    public ProspectStages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Why the stage cannot be used, or null when it is one of {@link #ALL}. */
    public static String invalid(String stage) {
        if (stage != null && ALL.contains(stage)) {
            return null;
        }
        return "'" + (stage == null ? "" : CONTROL.matcher(stage).replaceAll(" ")) + "' is not a stage; use one of "
                + String.join(", ", ALL);
    }

    /**
     * Moves the prospect to the stage.
     *
     * @param by who: "cli", "api"
     */
    public Outcome move(UUID id, String stage, String note, String by) throws SQLException {
        String wrong = invalid(stage);
        String cleanNote =
                note == null ? null : CONTROL.matcher(note).replaceAll(" ").strip();
        if (wrong == null && cleanNote != null && cleanNote.codePointCount(0, cleanNote.length()) > NOTE_LIMIT) {
            wrong = "the note is " + cleanNote.codePointCount(0, cleanNote.length()) + " characters long; at most "
                    + NOTE_LIMIT + " are kept";
        }
        if (wrong != null) {
            return new Outcome(true, wrong, null, null, false);
        }
        var values = new HashMap<String, Object>();
        values.put("prospectId", id.toString());
        values.put("stage", stage);
        values.put("changedBy", by);
        values.put("note", cleanNote == null || cleanNote.isEmpty() ? null : cleanNote);
        List<Map<String, Object>> rows = SET.rows(dataSource, values);
        if (rows.isEmpty()) {
            return new Outcome(false, "no prospect has the id " + id, null, null, false);
        }
        Map<String, Object> row = rows.get(0);
        String from = (String) row.get("from_stage");
        boolean changed = row.get("to_stage") != null;
        return new Outcome(true, null, from, stage, changed);
    }

    /** The prospect's changes of stage, oldest first. */
    public List<Map<String, Object>> history(UUID id) throws SQLException {
        return ProspectJson.rows(HISTORY.rows(dataSource, Map.of("prospectId", id.toString())));
    }
}
