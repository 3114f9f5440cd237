package dev.outreachpipeline.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which objects are this project's: the tables and functions the migrations define, nothing that
 * merely shares the schema (Flyway's history, the predecessor's alembic_version, anyone else's
 * tables). Backup, restore and reset all work from this one answer.
 *
 * @param tables    parents first (see {@link TableOrder})
 * @param functions as the catalog names them, {@code name(arguments)}
 */
public record ProjectSchema(List<ProjectTable> tables, List<String> functions) {

    /**
     * @param columns in the order the migrations create them
     * @param key     the primary key's columns, which give every export the same row order
     */
    public record ProjectTable(String name, List<String> columns, List<String> key) {}

    /** Runs the migrations into a scratch schema of {@code db} and reads what they define. */
    public static ProjectSchema load(Database db) throws SQLException {
        return from(ScratchSchema.expectedCatalog(db.dataSource()));
    }

    public static ProjectSchema from(SchemaCatalog expected) {
        var names = new ArrayList<>(expected.tables().keySet());
        // The scratch schema was migrated by Flyway, so it holds a history table too; that is Flyway's, not a table of
        // ours.
        names.remove(Migrations.HISTORY_TABLE);
        var tables = new ArrayList<ProjectTable>();
        for (String name : TableOrder.parentsFirst(expected, names)) {
            SchemaCatalog.Table t = expected.tables().get(name);
            List<String> columns = t.columns().values().stream()
                    .sorted(Comparator.comparingInt(SchemaCatalog.Column::position))
                    .map(SchemaCatalog.Column::name)
                    .toList();
            List<String> key = t.constraints().values().stream()
                    .filter(k -> k.type() == 'p')
                    .findFirst()
                    .map(k -> SqlNames.listAfter(k.definition(), "PRIMARY KEY"))
                    // Without a primary key, ordering by every column still makes equal contents export equally.
                    .orElse(columns);
            tables.add(new ProjectTable(name, columns, key));
        }
        return new ProjectSchema(
                List.copyOf(tables), List.copyOf(expected.functions().keySet()));
    }

    public List<String> tableNames() {
        return tables.stream().map(ProjectTable::name).toList();
    }

    public Optional<ProjectTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
