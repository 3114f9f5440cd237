package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.outreachpipeline.db.SchemaCatalog.Column;
import dev.outreachpipeline.db.SchemaCatalog.Constraint;
import dev.outreachpipeline.db.SchemaCatalog.Index;
import dev.outreachpipeline.db.SchemaCatalog.Table;
import dev.outreachpipeline.db.SchemaDifference.Kind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    private static final String FK = "FOREIGN KEY (job_id) REFERENCES jobs(id)";
    private static final String SET_UPDATED_AT = "BEGIN NEW.updated_at := now(); RETURN NEW; END;";

    /** Two tables, a foreign key, an index, a trigger and a function: enough of V1-V2 to drift. */
    private static SchemaCatalog migrated(Consumer<Map<String, Table>> edit) {
        var tables = new TreeMap<String, Table>();
        Table jobs = table("jobs");
        jobs.columns().put("id", new Column("id", 1, "uuid", false, "gen_random_uuid()"));
        jobs.columns()
                .put("status", new Column("status", 2, "character varying", false, "'pending'::character varying"));
        jobs.constraints().put("jobs_pkey", new Constraint("jobs_pkey", 'p', "PRIMARY KEY (id)"));
        jobs.indexes()
                .put(
                        "jobs_pkey",
                        new Index("jobs_pkey", true, true, "CREATE UNIQUE INDEX jobs_pkey ON jobs USING btree (id)"));
        jobs.indexes()
                .put(
                        "ix_jobs_status",
                        new Index(
                                "ix_jobs_status",
                                false,
                                false,
                                "CREATE INDEX ix_jobs_status ON jobs USING btree (status)"));
        jobs.triggers()
                .put(
                        "jobs_set_updated_at",
                        "CREATE TRIGGER jobs_set_updated_at BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at()");
        tables.put("jobs", jobs);
        Table queries = table("discovery_queries");
        queries.columns().put("id", new Column("id", 1, "uuid", false, "gen_random_uuid()"));
        queries.columns().put("job_id", new Column("job_id", 2, "uuid", false, null));
        queries.constraints()
                .put("discovery_queries_job_id_fkey", new Constraint("discovery_queries_job_id_fkey", 'f', FK));
        tables.put("discovery_queries", queries);
        Table history = table(Migrations.HISTORY_TABLE);
        history.columns().put("version", new Column("version", 1, "character varying(50)", true, null));
        tables.put(Migrations.HISTORY_TABLE, history);
        edit.accept(tables);
        return new SchemaCatalog("public", tables, new TreeMap<>(Map.of("set_updated_at()", SET_UPDATED_AT)));
    }

    private static SchemaCatalog migrated() {
        return migrated(t -> {});
    }

    private static Table table(String name) {
        return new Table(name, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    private static List<SchemaDifference> diff(SchemaCatalog actual) {
        return CatalogDiff.between(migrated(), actual).differences();
    }

    @Test
    void identicalCatalogsDoNotDiffer() {
        CatalogDiff diff = CatalogDiff.between(migrated(), migrated());

        assertThat(diff.differences()).isEmpty();
        assertThat(diff.notes()).isEmpty();
    }

    @Test
    void missingAndOrphanedTablesAreReported() {
        var differences = diff(migrated(t -> {
            t.remove("discovery_queries");
            Table orphan = table("audit_notes");
            orphan.columns().put("note", new Column("note", 1, "text", true, null));
            t.put("audit_notes", orphan);
        }));

        assertThat(differences)
                .extracting(SchemaDifference::kind, SchemaDifference::object)
                .containsExactly(
                        tuple(Kind.TABLE_EXTRA, "audit_notes"), tuple(Kind.TABLE_MISSING, "discovery_queries"));
        assertThat(differences.get(0).message()).contains("audit_notes", "orphaned", "note");
        assertThat(differences.get(1).message()).contains("discovery_queries", "missing", "job_id");
    }

    @Test
    void flywayHistoryAndScratchTablesAreNotCompared() {
        var differences = diff(migrated(t -> {
            t.remove(Migrations.HISTORY_TABLE);
            t.put(ScratchSchema.PREFIX + "0123", table(ScratchSchema.PREFIX + "0123"));
        }));

        assertThat(differences).isEmpty();
    }

    @Test
    void alembicVersionIsANoteNotDrift() {
        CatalogDiff diff =
                CatalogDiff.between(migrated(), migrated(t -> t.put("alembic_version", table("alembic_version"))));

        assertThat(diff.differences()).isEmpty();
        assertThat(diff.notes()).singleElement().asString().contains("alembic_version", "kept on purpose");
    }

    @Test
    void columnChangesNameTheColumnAndBothDefinitions() {
        var differences = diff(migrated(t -> {
            Map<String, Column> columns = t.get("jobs").columns();
            columns.put("status", new Column("status", 2, "text", true, null));
            columns.put("notes", new Column("notes", 3, "text", true, null));
            t.get("discovery_queries").columns().remove("job_id");
        }));

        assertThat(differences)
                .extracting(
                        SchemaDifference::kind,
                        SchemaDifference::object,
                        SchemaDifference::expected,
                        SchemaDifference::actual)
                .containsExactlyInAnyOrder(
                        tuple(Kind.COLUMN_MISSING, "discovery_queries.job_id", "uuid NOT NULL", null),
                        tuple(Kind.COLUMN_EXTRA, "jobs.notes", null, "text"),
                        tuple(Kind.COLUMN_TYPE_CHANGED, "jobs.status", "character varying", "text"),
                        tuple(Kind.COLUMN_NULLABILITY_CHANGED, "jobs.status", "NOT NULL", "NULL allowed"),
                        tuple(Kind.COLUMN_DEFAULT_CHANGED, "jobs.status", "'pending'::character varying", null));
        assertThat(differences)
                .filteredOn(d -> d.kind() == Kind.COLUMN_DEFAULT_CHANGED)
                .singleElement()
                .extracting(SchemaDifference::message)
                .asString()
                .isEqualTo(
                        "Column jobs.status has another default: expected DEFAULT 'pending'::character varying, found no default.");
        assertThat(differences)
                .filteredOn(d -> d.kind() == Kind.COLUMN_MISSING)
                .singleElement()
                .extracting(SchemaDifference::message)
                .asString()
                .isEqualTo(
                        "Column discovery_queries.job_id is missing: expected a column of type uuid NOT NULL, found none.");
    }

    @Test
    void indexesMissingExtraAndChanged() {
        var differences = diff(migrated(t -> {
            Map<String, Index> indexes = t.get("jobs").indexes();
            indexes.put(
                    "ix_jobs_status",
                    new Index(
                            "ix_jobs_status",
                            true,
                            false,
                            "CREATE UNIQUE INDEX ix_jobs_status ON jobs USING btree (status)"));
            t.get("discovery_queries")
                    .indexes()
                    .put(
                            "ix_dq_job_id",
                            new Index(
                                    "ix_dq_job_id",
                                    false,
                                    false,
                                    "CREATE INDEX ix_dq_job_id ON discovery_queries USING btree (job_id)"));
        }));

        assertThat(differences)
                .extracting(SchemaDifference::kind, SchemaDifference::object)
                .containsExactly(
                        tuple(Kind.INDEX_EXTRA, "discovery_queries.ix_dq_job_id"),
                        tuple(Kind.INDEX_CHANGED, "jobs.ix_jobs_status"));
        assertThat(differences.get(1).message())
                .isEqualTo(
                        "Index ix_jobs_status on jobs has another definition: expected "
                                + "CREATE INDEX ix_jobs_status ON jobs USING btree (status), found CREATE UNIQUE INDEX ix_jobs_status ON jobs USING btree (status).");
    }

    @Test
    void droppedIndexIsMissing() {
        var differences = diff(migrated(t -> t.get("jobs").indexes().remove("ix_jobs_status")));

        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.INDEX_MISSING);
            assertThat(d.object()).isEqualTo("jobs.ix_jobs_status");
            assertThat(d.message()).contains("ix_jobs_status", "missing", "USING btree (status)");
        });
    }

    @Test
    void anIndexUnderAnotherNameIsARename() {
        var differences = diff(migrated(t -> {
            Map<String, Index> indexes = t.get("jobs").indexes();
            indexes.remove("ix_jobs_status");
            indexes.put(
                    "jobs_status_idx",
                    new Index(
                            "jobs_status_idx",
                            false,
                            false,
                            "CREATE INDEX jobs_status_idx ON jobs USING btree (status)"));
        }));

        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.INDEX_RENAMED);
            assertThat(d.expected()).isEqualTo("ix_jobs_status");
            assertThat(d.actual()).isEqualTo("jobs_status_idx");
        });
    }

    @Test
    void aDroppedPrimaryKeyIsOneDifferenceNotTwo() {
        var differences = diff(migrated(t -> {
            t.get("jobs").constraints().remove("jobs_pkey");
            t.get("jobs").indexes().remove("jobs_pkey");
        }));

        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.CONSTRAINT_MISSING);
            assertThat(d.message()).startsWith("Primary key jobs_pkey on jobs is missing");
        });
    }

    @Test
    void foreignKeysMissingAndWithAnotherDeleteRule() {
        var dropped =
                diff(migrated(t -> t.get("discovery_queries").constraints().clear()));
        var cascading = diff(migrated(t -> t.get("discovery_queries")
                .constraints()
                .put(
                        "discovery_queries_job_id_fkey",
                        new Constraint("discovery_queries_job_id_fkey", 'f', FK + " ON DELETE CASCADE"))));

        assertThat(dropped).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.CONSTRAINT_MISSING);
            assertThat(d.message())
                    .isEqualTo("Foreign key discovery_queries_job_id_fkey on discovery_queries is missing: expected "
                            + FK + ", found none.");
        });
        assertThat(cascading).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.CONSTRAINT_CHANGED);
            assertThat(d.expected()).isEqualTo(FK);
            assertThat(d.actual()).isEqualTo(FK + " ON DELETE CASCADE");
        });
    }

    @Test
    void aForeignKeyUnderAnotherNameIsARenameAndAnExtraCheckIsReported() {
        var differences = diff(migrated(t -> {
            Map<String, Constraint> constraints = t.get("discovery_queries").constraints();
            constraints.clear();
            constraints.put("fk_job", new Constraint("fk_job", 'f', FK));
            constraints.put("job_id_set", new Constraint("job_id_set", 'c', "CHECK ((job_id IS NOT NULL))"));
        }));

        assertThat(differences)
                .extracting(SchemaDifference::kind, SchemaDifference::object)
                .containsExactly(
                        tuple(Kind.CONSTRAINT_RENAMED, "discovery_queries.discovery_queries_job_id_fkey"),
                        tuple(Kind.CONSTRAINT_EXTRA, "discovery_queries.job_id_set"));
        assertThat(differences.get(0).message()).contains("fk_job");
        assertThat(differences.get(1).message()).startsWith("Check constraint job_id_set");
    }

    @Test
    void triggersAndFunctions() {
        var actual = migrated(t -> {
            t.get("jobs").triggers().clear();
            t.get("discovery_queries")
                    .triggers()
                    .put(
                            "dq_audit",
                            "CREATE TRIGGER dq_audit AFTER INSERT ON discovery_queries FOR EACH ROW EXECUTE FUNCTION audit()");
        });
        var functions = new TreeMap<>(
                Map.of("set_updated_at()", "BEGIN RETURN NEW; END;", "audit()", "BEGIN RETURN NULL; END;"));
        var differences = CatalogDiff.between(migrated(), new SchemaCatalog("public", actual.tables(), functions))
                .differences();

        assertThat(differences)
                .extracting(SchemaDifference::kind, SchemaDifference::object)
                .containsExactly(
                        tuple(Kind.TRIGGER_EXTRA, "discovery_queries.dq_audit"),
                        tuple(Kind.TRIGGER_MISSING, "jobs.jobs_set_updated_at"),
                        tuple(Kind.FUNCTION_EXTRA, "audit()"),
                        tuple(Kind.FUNCTION_CHANGED, "set_updated_at()"));
        assertThat(differences.get(3).expected()).isEqualTo(SET_UPDATED_AT);
    }

    @Test
    void isSchemaTableLeavesOutBookkeepingTables() {
        assertThat(CatalogDiff.isSchemaTable("jobs")).isTrue();
        assertThat(CatalogDiff.isSchemaTable("flyway_schema_history")).isFalse();
        assertThat(CatalogDiff.isSchemaTable("alembic_version")).isFalse();
        assertThat(CatalogDiff.isSchemaTable(ScratchSchema.PREFIX + "abc")).isFalse();
    }
}
