package dev.outreachpipeline.db;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every statement file under src/main/resources/sql that Java runs (the routes name theirs in their
 * endpoints): {@code SEND_FACTS} is sql/send-facts.sql. Being an enum, the list is complete by
 * construction, and {@link SqlFiles#verify()} checks each file at start-up.
 */
public enum SqlStatement {
    ADOPTION_ADD_COLUMN,
    ADOPTION_ADD_CONSTRAINT,
    ADOPTION_CHANGE_TYPE,
    ADOPTION_COUNT_DUPLICATES,
    ADOPTION_COUNT_NULLS,
    ADOPTION_COUNT_ORPHANS,
    ADOPTION_DROP_CONSTRAINT,
    ADOPTION_DROP_DEFAULT,
    ADOPTION_DROP_INDEX,
    ADOPTION_DROP_NOT_NULL,
    ADOPTION_RENAME_COLUMN,
    ADOPTION_RENAME_CONSTRAINT,
    ADOPTION_RENAME_INDEX,
    ADOPTION_SET_DEFAULT,
    ADOPTION_SET_NOT_NULL,
    ALEMBIC_REVISIONS,
    APPLIED_MIGRATIONS,
    APPROVE_PROSPECTS,
    ARCHIVE_MERGED_PROSPECT,
    CAMPAIGN_BY_NAME,
    CAMPAIGN_MESSAGES,
    CAMPAIGN_NAMES,
    CAMPAIGN_PROSPECT_STATUSES,
    CANCEL_PENDING_JOB,
    CATALOG_COLUMNS,
    CATALOG_CONSTRAINTS,
    CATALOG_FUNCTIONS,
    CATALOG_INDEXES,
    CATALOG_TABLES,
    CATALOG_TRIGGERS,
    CLEAR_MAILBOX_PAUSE,
    CLEAR_PROVIDER_PAUSE,
    COPY_TABLE_IN,
    COPY_TABLE_OUT,
    COUNT_APPROVED_PROSPECTS,
    COUNT_INTO_JOB_RESULT,
    COUNT_PROSPECT_REFERENCES,
    COUNT_SENT_CALL,
    COUNT_TABLE_ROWS,
    COUNT_UNFINISHED_JOBS,
    DATABASE_ANSWERS,
    DELETE_LINK,
    DELETE_PROSPECT,
    DELETE_SUPPRESSION,
    DRAFT_CONTEXT,
    DROP_FUNCTION,
    DROP_SCRATCH_SCHEMA,
    DROP_TABLES,
    DUPLICATE_DOMAIN_PROSPECTS,
    EDIT_DRAFT,
    EMAIL_TEMPLATE_SETTING,
    EMPTY_MIGRATION_HISTORY,
    ENQUEUE_JOB,
    ENQUEUE_SEND_AFTER_APPROVAL,
    FAIL_QUERIES,
    FUNNEL_STAGES,
    GAUGE_JOBS,
    GAUGE_PROSPECTS,
    INSERT_CAMPAIGN,
    INSERT_LINK,
    INSERT_SUPPRESSION,
    JOB_BY_ID,
    JOB_EXISTING_BY_CAMPAIGN,
    JOB_QUERIES,
    JOB_STATE,
    LATEST_DAEMON_SETTINGS,
    LINK_PROSPECT,
    LINKS_BY_STATUS,
    LINKS_TO_CHECK,
    LIST_CAMPAIGNS,
    LIST_JOBS,
    LIST_LINKS,
    LIST_PROSPECTS,
    LIST_PROSPECTS_BY_DOMAIN,
    LIST_PROSPECTS_NEWEST,
    LOCK_TABLES,
    MAILBOX_PAUSES,
    MARK_PROSPECT_SENT,
    MARK_QUERIES_POSTING,
    OPEN_DISCOVERY_QUERIES,
    OUTCOMES_REPORT,
    PIN_OUTPUT_FORMAT,
    PREVIEW_SAMPLE_PROSPECTS,
    PROSPECT_DETAIL,
    PROSPECT_STAGE_HISTORY,
    PROSPECT_MESSAGE,
    PROSPECT_REFERENCES,
    PROSPECT_STATES,
    PROSPECT_STATUSES,
    PROVIDER_PAUSES,
    READ_ONLY_SNAPSHOT,
    RECENTLY_RUN_QUERIES,
    RECORD_DAEMON_SETTINGS,
    RECORD_DAEMON_STOPPED,
    RECORD_FOUND_TASK,
    RECORD_LINK_CHECK,
    RECORD_POSTED_TASKS,
    RECORD_QUERY_FAILURE,
    RECORD_REJECTED_TASKS,
    REDRAFT_CAMPAIGN_PROSPECTS,
    REDRAFT_PROSPECTS,
    REFRESH_PROSPECTS,
    REJECT_PROSPECT,
    REPEATABLE_READ,
    REPOINT_PROSPECT_REFERENCES,
    REQUEST_JOB_CANCEL,
    RESEND_PROSPECTS,
    RESERVE_RATE_SLOT,
    REVIEW_QUEUE,
    SANDBOX_DRAFT_WRITERS,
    SANDBOX_FACTS,
    SAVED_BY_JOB,
    SCHEMA_RELATIONS,
    SEND_FACTS,
    SEND_PREVIEW_QUEUE,
    SEND_UNKNOWN_PROSPECTS,
    SET_ASIDE_SEEDED_ROWS,
    SET_CAMPAIGN_STATUS,
    SET_PROSPECT_STAGE,
    SET_SEARCH_PATH,
    SKIP_FOLLOWUP_DELAY,
    SNAPSHOT_TIME,
    STATUS_DATAFORSEO_SPEND,
    STATUS_DOMAINS_ENRICHED,
    STATUS_HUNTER_CALLS,
    STATUS_JOBS,
    STATUS_LLM_USAGE,
    STATUS_PROSPECTS,
    STATUS_SCHEDULES,
    STATUS_SENT_TODAY,
    STATUS_SUPPRESSIONS,
    SUPPRESSION_COVERS,
    SUPPRESSION_LIST,
    SUPPRESSION_PAGE,
    UNAPPROVE_PROSPECT,
    UNCOLLECTED_QUERIES,
    UNSUBSCRIBE_CONTACT,
    UNSUBSCRIBE_PROSPECT,
    UPDATE_CAMPAIGN,
    WAITING_JOB_OF_TYPE;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private volatile String text;

    /** The file's name under sql/. */
    public String file() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".sql";
    }

    /** The statement as written, for JDBC when it has only {@code ?} parameters. */
    public String text() {
        String t = text;
        if (t == null) {
            t = SqlFiles.read(file());
            text = t;
        }
        return t;
    }

    /** The statement with its camel-sql {@code :#name} parameters made JDBC {@code ?}s, bound by name. */
    public NamedParameters jdbc() {
        return NamedParameters.of(text());
    }

    /**
     * A template statement with its {@code {name}} placeholders filled: only for identifiers SQL
     * cannot take as parameters (a table in a COPY or a count), each already quoted by
     * {@link SqlNames} from the fixed list of the project's tables, never from input.
     */
    public String fill(Map<String, String> identifiers) {
        Matcher m = PLACEHOLDER.matcher(text());
        var out = new StringBuilder();
        while (m.find()) {
            String value = identifiers.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("sql/" + file() + " needs {" + m.group(1) + "}, which is not given");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
