package dev.outreachpipeline.db.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.db.SchemaCatalog;
import dev.outreachpipeline.db.SchemaCatalog.Column;
import dev.outreachpipeline.db.SchemaCatalog.Constraint;
import dev.outreachpipeline.db.SchemaCatalog.Index;
import dev.outreachpipeline.db.SchemaCatalog.Table;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The adoption plan read off CatalogDiff's differences, on catalogs built by hand (no database). */
class AdoptionPlannerTest {

    private static final String FK = "FOREIGN KEY (job_id) REFERENCES jobs(id) ON DELETE CASCADE";
    private static final AdoptionPlanner.RowCounts NO_BAD_ROWS = sql -> 0;

    /** A V1-like pair of tables; {@code edit} turns it into the predecessor's variant. */
    private static SchemaCatalog catalog(Consumer<Map<String, Table>> edit) {
        var tables = new TreeMap<String, Table>();
        Table jobs = table("jobs");
        jobs.columns().put("id", new Column("id", 1, "uuid", false, "gen_random_uuid()"));
        jobs.constraints().put("jobs_pkey", new Constraint("jobs_pkey", 'p', "PRIMARY KEY (id)"));
        jobs.indexes()
                .put(
                        "jobs_pkey",
                        new Index("jobs_pkey", true, true, "CREATE UNIQUE INDEX jobs_pkey ON jobs USING btree (id)"));
        tables.put("jobs", jobs);
        Table queries = table("discovery_queries");
        queries.columns().put("id", new Column("id", 1, "uuid", false, null));
        queries.columns().put("job_id", new Column("job_id", 2, "uuid", true, null));
        queries.columns().put("query_metadata", new Column("query_metadata", 3, "jsonb", true, null));
        queries.columns().put("keyword", new Column("keyword", 4, "character varying", false, null));
        queries.constraints()
                .put("discovery_queries_job_id_fkey", new Constraint("discovery_queries_job_id_fkey", 'f', FK));
        queries.indexes()
                .put(
                        "ix_discovery_queries_job_id",
                        new Index(
                                "ix_discovery_queries_job_id",
                                false,
                                false,
                                "CREATE INDEX ix_discovery_queries_job_id ON discovery_queries USING btree (job_id)"));
        tables.put("discovery_queries", queries);
        edit.accept(tables);
        return new SchemaCatalog("public", tables, new TreeMap<>());
    }

    private static Table table(String name) {
        return new Table(name, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    private static AdoptionPlan plan(Consumer<Map<String, Table>> legacy, AdoptionPlanner.RowCounts rows)
            throws Exception {
        return AdoptionPlanner.plan(catalog(t -> {}), catalog(legacy), rows);
    }

    @Test
    void identicalCatalogsNeedNothing() throws Exception {
        AdoptionPlan plan = plan(t -> {}, NO_BAD_ROWS);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.statements()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
    }

    @Test
    void theOldMetadataColumnIsRenamedFirstAndThenComparedLikeAnyOther() throws Exception {
        AdoptionPlan plan = plan(
                t -> {
                    var columns = t.get("discovery_queries").columns();
                    columns.remove("query_metadata");
                    columns.put("metadata", new Column("metadata", 3, "jsonb", true, "'{}'::jsonb"));
                },
                NO_BAD_ROWS);
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.changes())
                .containsExactly(
                        "renamed discovery_queries.metadata to query_metadata (an early Alembic revision's name)",
                        "removed the default '{}'::jsonb of discovery_queries.query_metadata");
        assertThat(plan.statements())
                .containsExactly(
                        "ALTER TABLE discovery_queries RENAME COLUMN metadata TO query_metadata",
                        "ALTER TABLE discovery_queries ALTER COLUMN query_metadata DROP DEFAULT");
    }

    @Test
    void clientSideDefaultsBecomeDatabaseDefaultsAndVarcharsAreWidened() throws Exception {
        AdoptionPlan plan = plan(
                t -> {
                    t.get("jobs").columns().put("id", new Column("id", 1, "uuid", false, null));
                    t.get("discovery_queries")
                            .columns()
                            .put("keyword", new Column("keyword", 4, "character varying(255)", false, null));
                },
                NO_BAD_ROWS);
        assertThat(plan.changes())
                .containsExactlyInAnyOrder(
                        "set the database default of jobs.id to gen_random_uuid() (it was applied by the Python client only)",
                        "widened discovery_queries.keyword from character varying(255) to character varying");
        assertThat(plan.statements())
                .containsExactlyInAnyOrder(
                        "ALTER TABLE jobs ALTER COLUMN id SET DEFAULT gen_random_uuid()",
                        "ALTER TABLE discovery_queries ALTER COLUMN keyword TYPE character varying");
    }

    @Test
    void aForeignKeyUnderAnotherNameWithOtherDeleteRulesIsReplacedNotDroppedAndAdded() throws Exception {
        AdoptionPlan plan = plan(
                t -> {
                    var constraints = t.get("discovery_queries").constraints();
                    constraints.clear();
                    constraints.put(
                            "fk_job", new Constraint("fk_job", 'f', "FOREIGN KEY (job_id) REFERENCES jobs(id)"));
                },
                NO_BAD_ROWS);
        assertThat(plan.changes())
                .containsExactly(
                        "replaced constraint fk_job on discovery_queries (FOREIGN KEY (job_id) REFERENCES jobs(id)) by"
                                + " discovery_queries_job_id_fkey (" + FK + ")",
                        "created discovery_queries_job_id_fkey on discovery_queries (" + FK + ")");
        assertThat(plan.statements())
                .containsExactly(
                        "ALTER TABLE discovery_queries DROP CONSTRAINT fk_job",
                        "ALTER TABLE discovery_queries ADD CONSTRAINT discovery_queries_job_id_fkey " + FK);
    }

    @Test
    void aMissingForeignKeyIsRefusedWhenRowsPointNowhere() throws Exception {
        AdoptionPlan plan =
                plan(t -> t.get("discovery_queries").constraints().clear(), sql -> sql.contains("NOT EXISTS") ? 3 : 0);
        assertThat(plan.blockers())
                .containsExactly("foreign key discovery_queries_job_id_fkey cannot be added: 3 row(s) of"
                        + " discovery_queries point to a jobs row that does not exist (job_id)");
    }

    @Test
    void indexesUnderOtherNamesAreRenamedAndSecondCopiesDropped() throws Exception {
        AdoptionPlan plan = plan(
                t -> {
                    var indexes = t.get("discovery_queries").indexes();
                    indexes.clear();
                    indexes.put(
                            "idx_job",
                            new Index(
                                    "idx_job",
                                    false,
                                    false,
                                    "CREATE INDEX idx_job ON discovery_queries USING btree (job_id)"));
                    indexes.put(
                            "idx_job_2",
                            new Index(
                                    "idx_job_2",
                                    false,
                                    false,
                                    "CREATE INDEX idx_job_2 ON discovery_queries USING btree (job_id)"));
                },
                NO_BAD_ROWS);
        assertThat(plan.changes())
                .containsExactlyInAnyOrder(
                        "renamed index idx_job on discovery_queries to ix_discovery_queries_job_id",
                        "dropped index idx_job_2 on discovery_queries, a second copy of an index the schema has");
        assertThat(plan.statements())
                .containsExactlyInAnyOrder(
                        "ALTER INDEX idx_job RENAME TO ix_discovery_queries_job_id", "DROP INDEX idx_job_2");
    }

    @Test
    void whatWouldLoseOrRewriteDataIsABlocker() throws Exception {
        AdoptionPlan plan = plan(
                t -> {
                    var columns = t.get("discovery_queries").columns();
                    columns.put("notes", new Column("notes", 5, "text", true, null));
                    columns.put("keyword", new Column("keyword", 4, "character varying", true, null));
                    columns.put("job_id", new Column("job_id", 2, "text", true, null));
                },
                sql -> sql.contains("IS NULL") ? 2 : 0);
        assertThat(plan.blockers())
                .containsExactlyInAnyOrder(
                        "column discovery_queries.notes is not in the schema; adoption never drops data. Move its data elsewhere"
                                + " and drop the column (after `outreach db backup`), then run this again",
                        "column discovery_queries.keyword must not be NULL, but 2 row(s) have NULL there",
                        "column discovery_queries.job_id is text where the schema has uuid; converting it could change its values");
    }
}
