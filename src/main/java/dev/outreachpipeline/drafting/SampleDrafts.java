package dev.outreachpipeline.drafting;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Drafts rendered with a templates directory on trial, for {@code prospects preview --template DIR}:
 * each prospect is drafted as a draft job would draft it if its campaign's templates directory were
 * DIR (as after {@code campaign update NAME --templates DIR}): the same variables (draft-context.sql),
 * the same settings row {@code email_template}, the same renderer and quality gates ({@link
 * DraftStage#attempt}). Nothing is written: the prospects, their drafts and the campaign stay as they are.
 */
public final class SampleDrafts {

    private static final NamedParameters SAMPLE = SqlStatement.PREVIEW_SAMPLE_PROSPECTS.jdbc();
    private static final NamedParameters CONTEXT = SqlStatement.DRAFT_CONTEXT.jdbc();
    private static final NamedParameters OVERRIDE = SqlStatement.EMAIL_TEMPLATE_SETTING.jdbc();

    /**
     * One prospect's draft with the templates on trial.
     *
     * @param domain   the prospect's domain
     * @param campaign its campaign's name
     * @param draft    the draft, when it rendered and passed every gate; else null
     * @param failure  why there is no draft: the gate's "quality gate 'x': …", or why it did not render
     * @param gate     the name of the gate it failed; null when it passed them all or did not render
     */
    public record Sample(UUID id, String domain, String campaign, Draft draft, String failure, String gate) {}

    private final DataSource dataSource;
    private final DraftStage stage;

    public SampleDrafts(DataSource dataSource, DraftStage stage) {
        this.dataSource = dataSource;
        this.stage = stage;
    }

    /**
     * Up to {@code limit} prospects to try the templates on: those a draft job would draft next, then
     * drafted ones (see preview-sample-prospects.sql).
     *
     * @param campaignId only this campaign's prospects; null for any
     */
    public List<UUID> sample(UUID campaignId, int limit) throws SQLException {
        var values = new HashMap<String, Object>();
        values.put("campaignId", campaignId == null ? null : campaignId.toString());
        values.put("limit", limit);
        return SAMPLE.rows(dataSource, values).stream()
                .map(r -> UUID.fromString(String.valueOf(r.get("id"))))
                .toList();
    }

    /**
     * The prospect drafted with the templates in {@code templatesDir} (file by file over the global
     * ones); empty for an unknown id.
     *
     * @param templatesDir an absolute directory, checked by {@link CampaignTemplatesCheck} first
     */
    public Optional<Sample> render(UUID id, Path templatesDir) throws SQLException {
        List<Map<String, Object>> rows = CONTEXT.rows(dataSource, Map.of("prospectId", id.toString()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var prospect = new HashMap<>(rows.get(0));
        prospect.put("campaign_templates_dir", templatesDir.toString());
        String domain = prospect.get("domain") == null ? null : String.valueOf(prospect.get("domain"));
        String campaign = String.valueOf(prospect.get("campaign_name"));
        try {
            DraftStage.Attempt attempt = stage.attempt(prospect, settingsOverride());
            return Optional.of(new Sample(
                    id,
                    domain,
                    campaign,
                    attempt.draft(),
                    attempt.failure(),
                    attempt.gate() == null ? null : attempt.gate().gate()));
        } catch (DraftFailed e) {
            return Optional.of(new Sample(id, domain, campaign, null, e.getMessage(), null));
        }
    }

    /** The settings row 'email_template' as the draft job reads it (JSON text), or null. */
    private String settingsOverride() throws SQLException {
        List<Map<String, Object>> rows = OVERRIDE.rows(dataSource, Map.of());
        return rows.isEmpty() || rows.get(0).get("value") == null
                ? null
                : String.valueOf(rows.get(0).get("value"));
    }
}
