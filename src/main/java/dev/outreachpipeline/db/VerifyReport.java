package dev.outreachpipeline.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.db.SchemaDifference.Kind;
import dev.outreachpipeline.db.SchemaDifference.Remedy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@code outreach db verify}: a summary of the schema as the audit gave it (tables,
 * foreign keys, version), every difference from what the migrations define, and what to do.
 *
 * @param database      which database, password masked
 * @param schema        the schema verified
 * @param schemaVersion Flyway's current version, or null if nothing was ever migrated
 * @param tableNames    the schema's own tables (not Flyway's history, not alembic_version)
 * @param foreignKeys   how many foreign keys those tables have
 * @param differences   every difference; none means the schema is exactly what the migrations define
 * @param notes         things worth knowing that are not drift
 */
public record VerifyReport(
        String database,
        String schema,
        String schemaVersion,
        List<String> tableNames,
        int foreignKeys,
        List<SchemaDifference> differences,
        List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public VerifyReport {
        tableNames = List.copyOf(tableNames);
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    public boolean clean() {
        return differences.isEmpty();
    }

    public int tables() {
        return tableNames.size();
    }

    /** Whether {@code outreach db migrate} alone would make this database clean. */
    public boolean onlyMigrationsPending() {
        return !clean() && differences.stream().allMatch(d -> d.remedy() == Remedy.MIGRATE);
    }

    /** One line: tables, foreign keys and version, as the audit summed a database up. */
    public String summary() {
        return tables() + " table(s), " + foreignKeys + " foreign key(s), schema version "
                + (schemaVersion == null ? "none (never migrated)" : schemaVersion);
    }

    /** What to do about the differences, most useful first; empty when clean. */
    public List<String> remedies() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        differences.forEach(d -> kinds.add(d.kind()));
        var out = new ArrayList<String>();
        if (kinds.contains(Kind.UNRECOGNISED_SCHEMA)) {
            out.add(
                    "This schema is not this program's, and `outreach db migrate` refuses it untouched: point DATABASE_URL"
                            + " at an empty database, or set outreach.database.schema to an empty schema.");
        }
        if (kinds.contains(Kind.NOT_MIGRATED) || kinds.contains(Kind.MIGRATION_PENDING)) {
            out.add("Run `outreach db migrate` (or start the daemon with `outreach run --migrate`) to apply the pending"
                    + " migration(s)"
                    + (kinds.contains(Kind.NOT_MIGRATED)
                            ? ", adopting the Python backend's database first if that is what this is"
                            : "")
                    + ".");
        }
        if (kinds.contains(Kind.MIGRATION_FAILED)) {
            out.add("A migration failed: repair by hand what it left half done (its file says what it does), delete its"
                    + " failed row from " + Migrations.HISTORY_TABLE + ", then run `outreach db migrate` again.");
        }
        if (kinds.contains(Kind.MIGRATION_CHECKSUM_MISMATCH)) {
            out.add("A migration file was edited after it had been applied: put the file back as it was released"
                    + " (a released migration is never edited) and write the intended change as a new migration.");
        }
        if (kinds.contains(Kind.MIGRATION_UNKNOWN)) {
            out.add("The database was migrated by a build with migrations this one lacks: use that (newer) build,"
                    + " or one that has those migration files.");
        }
        if (kinds.contains(Kind.MIGRATION_INVALID)) {
            out.add("Flyway's history disagrees with this build's migration files: compare " + Migrations.HISTORY_TABLE
                    + " with src/main/resources/db/migration and restore the files as they were applied.");
        }
        if (differences.stream().anyMatch(d -> d.remedy() == Remedy.HAND_MADE)) {
            out.add(
                    "The schema differences were made by hand, outside the migrations. Undo each of them. If a change is"
                            + " wanted, undo it all the same and write it as a new migration (src/main/resources/db/migration/"
                            + "V<next>__<what>.sql), so that every database gets it the same way, then run `outreach db migrate`.");
        }
        return out;
    }

    public String renderText() {
        var sb = new StringBuilder();
        sb.append("Database: ")
                .append(database)
                .append(", schema ")
                .append(schema)
                .append('\n');
        sb.append("Summary: ").append(summary()).append('\n');
        if (!tableNames.isEmpty()) {
            sb.append("Tables: ").append(String.join(", ", tableNames)).append('\n');
        }
        if (clean()) {
            sb.append("No drift: the schema is exactly what the migrations define")
                    .append(schemaVersion == null ? "" : " up to version " + schemaVersion)
                    .append(".\n");
        } else {
            sb.append("Drift: ").append(differences.size()).append(" difference(s) from what the migrations define:\n");
            differences.forEach(d -> sb.append("  - ").append(d.message()).append('\n'));
        }
        if (!notes.isEmpty()) {
            sb.append("Notes:\n");
            notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
        }
        if (!clean()) {
            sb.append("What to do:\n");
            remedies().forEach(r -> sb.append("  - ").append(r).append('\n'));
        }
        return sb.toString();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("clean", clean());
        root.put("database", database);
        root.put("schema", schema);
        root.put("schemaVersion", schemaVersion);
        root.put("tables", tables());
        ArrayNode names = root.putArray("tableNames");
        tableNames.forEach(names::add);
        root.put("foreignKeys", foreignKeys);
        ArrayNode diffs = root.putArray("differences");
        for (SchemaDifference d : differences) {
            diffs.addObject()
                    .put("kind", d.kind().label())
                    .put("object", d.object())
                    .put("expected", d.expected())
                    .put("actual", d.actual())
                    .put("message", d.message());
        }
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        ArrayNode remedyArray = root.putArray("remedies");
        remedies().forEach(remedyArray::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verify report as JSON", e);
        }
    }
}
