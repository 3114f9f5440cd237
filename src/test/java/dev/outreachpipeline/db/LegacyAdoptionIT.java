package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `db migrate` on the Python backend's database: adopted without losing a row, or refused untouched. */
class LegacyAdoptionIT {

    private static final String[] TABLES = {
        "jobs", "discovery_queries", "prospects", "email_logs", "settings", "alembic_version"
    };

    private TestDatabase db;

    @BeforeEach
    void predecessorDatabase() {
        db = TestPostgres.newDatabase();
        db.executeResource("predecessor/production-schema.sql");
        db.executeResource("predecessor/production-rows.sql");
    }

    @Test
    void adoptsThePredecessorDatabaseKeepingEveryRowAndEndsEqualToAFreshOne() {
        var before = Rows.ofTables(db, TABLES);

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out())
                .contains("Adopted the Python backend's database (alembic revision 556b79de2825")
                .contains("set the database default of jobs.id to gen_random_uuid()")
                .contains(
                        "renamed index idx_prospects_discovery_query_id on prospects to ix_prospects_discovery_query_id")
                .contains("dropped foreign key fk_prospects_discovery_query_id")
                .contains("schema is now at version");
        var after = Rows.ofTables(db, TABLES);
        for (String table : TABLES) {
            assertThat(after.get(table).keySet())
                    .as("ids of " + table)
                    .isEqualTo(before.get(table).keySet());
        }
        // Only the documented normalisations changed any value.
        assertThat(changedValues(before, after))
                .containsExactlyInAnyOrder(
                        "jobs 10000000-0000-0000-0000-000000000002 status: null -> pending",
                        "prospects 50000000-0000-0000-0000-000000000002 outreach_status: null -> pending",
                        "prospects 50000000-0000-0000-0000-000000000002 followups_sent: null -> 0",
                        "prospects 50000000-0000-0000-0000-000000000002 domain: WWW.PatioIdeas.net -> patioideas.net",
                        "prospects 50000000-0000-0000-0000-000000000004 domain: www.lampsandmore.com -> lampsandmore.com");
        assertThat(db.count("SELECT count(*) FROM alembic_version WHERE version_num = '556b79de2825'"))
                .isEqualTo(1);
        // Stages after contact (V24): the prospect written to is contacted, the one that replied replied.
        assertThat(db.rowsOf("SELECT p.id::text AS id, p.stage, h.changed_by FROM prospects p"
                        + " LEFT JOIN prospect_stage_history h ON h.prospect_id = p.id ORDER BY p.id"))
                .containsExactly(
                        java.util.Map.of(
                                "id",
                                "50000000-0000-0000-0000-000000000001",
                                "stage",
                                "contacted",
                                "changed_by",
                                "migration"),
                        mapOf("50000000-0000-0000-0000-000000000002"),
                        java.util.Map.of(
                                "id",
                                "50000000-0000-0000-0000-000000000003",
                                "stage",
                                "replied",
                                "changed_by",
                                "migration"),
                        mapOf("50000000-0000-0000-0000-000000000004"));

        TestDatabase fresh = TestPostgres.newDatabase();
        assertThat(CliRun.run(fresh.env(), "db", "migrate").exitCode()).isZero();
        SchemaCatalog adopted = db.catalog();
        SchemaCatalog expected = fresh.catalog();
        assertThat(adopted.tables().keySet())
                .containsAll(expected.tables().keySet())
                .contains("alembic_version");
        for (String table : expected.tables().keySet()) {
            if (!table.equals(Migrations.HISTORY_TABLE)) {
                assertThat(withoutColumnOrder(adopted.tables().get(table)))
                        .as(table)
                        .isEqualTo(withoutColumnOrder(expected.tables().get(table)));
            }
        }
        assertThat(adopted.functions()).isEqualTo(expected.functions());

        CliRun verify = CliRun.run(db.env(), "db", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(CliRun.run(db.env(), "db", "migrate").out()).contains("up to date");
    }

    @Test
    void adoptsTheEarlyRevisionWithMetadataColumnAndNoDiscoveryQueryId() {
        db.execute("ALTER TABLE discovery_queries RENAME COLUMN query_metadata TO metadata");
        db.execute("ALTER TABLE prospects DROP COLUMN discovery_query_id");
        var before = Rows.of(db, "discovery_queries");

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out())
                .contains("renamed discovery_queries.metadata to query_metadata")
                .contains("added the missing column prospects.discovery_query_id");
        var after = Rows.of(db, "discovery_queries");
        assertThat(after.get("40000000-0000-0000-0000-000000000001").get("query_metadata"))
                .isEqualTo(before.get("40000000-0000-0000-0000-000000000001").get("metadata"));
        assertThat(db.count("SELECT count(*) FROM prospects WHERE discovery_query_id IS NULL"))
                .isEqualTo(4);
        assertThat(CliRun.run(db.env(), "db", "verify").exitCode()).isZero();
    }

    @Test
    void duplicateDomainsStopMigrateWithTheDatabaseUnchanged() {
        db.executeResource("predecessor/duplicate-domain-rows.sql");
        var rowsBefore = Rows.ofTables(db, TABLES);
        SchemaCatalog catalogBefore = db.catalog();

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err())
                .contains("Nothing was changed")
                .contains("gardenblog.com")
                .contains("50000000-0000-0000-0000-000000000001  gardenblog.com")
                .contains("50000000-0000-0000-0000-000000000011  GardenBlog.com")
                .contains("email_logs: 2")
                .contains("homedecor.co.uk")
                .contains("outreach db dedupe --apply");
        assertThat(db.catalog()).isEqualTo(catalogBefore);
        assertThat(Rows.ofTables(db, TABLES)).isEqualTo(rowsBefore);
    }

    @Test
    void dedupeApplyMergesIntoTheOldestRowArchivesTheRestAndLetsMigrateSucceed() {
        db.executeResource("predecessor/duplicate-domain-rows.sql");
        var prospectsBefore = Rows.of(db, "prospects");

        CliRun plan = CliRun.run(db.env(), "db", "dedupe");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("2 domain(s) are stored more than once").contains("nothing was changed");
        assertThat(db.count("SELECT count(*) FROM prospects")).isEqualTo(6);

        CliRun apply = CliRun.run(db.env(), "db", "dedupe", "--apply");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Merged 2 row(s)");

        // gardenblog.com: the 2025-01-05 row is older; homedecor.co.uk: the dated www. row beats the undated one.
        assertThat(db.count("SELECT count(*) FROM prospects")).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM email_logs")).isEqualTo(5);
        assertThat(db.count(
                        "SELECT count(*) FROM email_logs WHERE prospect_id = '50000000-0000-0000-0000-000000000001'"))
                .isEqualTo(3);
        assertThat(db.count(
                        "SELECT count(*) FROM email_logs WHERE prospect_id = '50000000-0000-0000-0000-000000000012'"))
                .isEqualTo(2);
        assertThat(db.count("""
                SELECT count(*) FROM prospects_merged
                 WHERE (id = '50000000-0000-0000-0000-000000000011' AND merged_into = '50000000-0000-0000-0000-000000000001')
                    OR (id = '50000000-0000-0000-0000-000000000003' AND merged_into = '50000000-0000-0000-0000-000000000012')""")).isEqualTo(2);
        var archived = Rows.of(
                db,
                "(SELECT id, (row_data->>'contact_email') AS contact_email, (row_data->>'outreach_status') AS status"
                        + " FROM prospects_merged)");
        assertThat(archived.get("50000000-0000-0000-0000-000000000003"))
                .containsEntry(
                        "contact_email",
                        prospectsBefore
                                .get("50000000-0000-0000-0000-000000000003")
                                .get("contact_email"))
                .containsEntry("status", "replied");

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE domain = 'homedecor.co.uk'"))
                .isEqualTo(1);
        assertThat(CliRun.run(db.env(), "db", "verify").exitCode()).isZero();
    }

    @Test
    void refusesAnUnknownColumnAndChangesNothing() {
        db.execute("ALTER TABLE prospects ADD COLUMN notes text");
        SchemaCatalog before = db.catalog();

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err())
                .contains("cannot be adopted")
                .contains("prospects.notes")
                .contains("Nothing was changed");
        assertThat(db.catalog()).isEqualTo(before);
    }

    @Test
    void refusesADatabaseThatIsNeitherOursNorThePredecessors() {
        TestDatabase foreign = TestPostgres.newDatabase();
        foreign.execute(
                "CREATE TABLE customers (id int primary key, name text); INSERT INTO customers VALUES (1, 'a')");
        SchemaCatalog before = foreign.catalog();

        CliRun migrate = CliRun.run(foreign.env(), "db", "migrate");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err())
                .contains("Refusing to migrate")
                .contains("customers")
                .contains("Nothing was changed");
        assertThat(foreign.catalog()).isEqualTo(before);
    }

    /** An adopted table may hold its columns in another order (added later): that is not drift. */
    private static SchemaCatalog.Table withoutColumnOrder(SchemaCatalog.Table t) {
        var columns = new java.util.TreeMap<String, SchemaCatalog.Column>();
        t.columns()
                .forEach((k, c) ->
                        columns.put(k, new SchemaCatalog.Column(c.name(), 0, c.type(), c.nullable(), c.defaultExpr())));
        return new SchemaCatalog.Table(t.name(), columns, t.indexes(), t.constraints(), t.triggers());
    }

    private static java.util.List<String> changedValues(
            Map<String, Map<String, Map<String, Object>>> before, Map<String, Map<String, Map<String, Object>>> after) {
        var changes = new java.util.ArrayList<String>();
        before.forEach((table, rows) -> rows.forEach((id, row) -> row.forEach((col, value) -> {
            Object now = after.get(table).get(id).get(col);
            if (!java.util.Objects.equals(value, now)) {
                changes.add(table + " " + id + " " + col + ": " + value + " -> " + now);
            }
        })));
        return changes;
    }

    /** A row of a prospect without a stage. */
    private static java.util.Map<String, Object> mapOf(String id) {
        var row = new java.util.HashMap<String, Object>();
        row.put("id", id);
        row.put("stage", null);
        row.put("changed_by", null);
        return row;
    }
}
