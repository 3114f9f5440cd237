package dev.outreachpipeline.db.adoption;

import static java.util.Map.entry;

import dev.outreachpipeline.db.CatalogDiff;
import dev.outreachpipeline.db.SchemaCatalog;
import dev.outreachpipeline.db.SchemaCatalog.Column;
import dev.outreachpipeline.db.SchemaCatalog.Constraint;
import dev.outreachpipeline.db.SchemaCatalog.Index;
import dev.outreachpipeline.db.SchemaCatalog.Table;
import dev.outreachpipeline.db.SchemaDifference;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how each difference {@link CatalogDiff} finds between the predecessor's tables and V1 is
 * reconciled: a fix that keeps every row (a rename, a default, a widened type, a missing nullable
 * column, constraint or index), a blocker (anything that would lose or rewrite data), or a note
 * (something left as it is). Changes nothing itself.
 */
final class AdoptionPlanner {

    /** An early Alembic revision named the column {@code metadata}. */
    private static final String OLD_METADATA = "metadata";

    private static final String METADATA = "query_metadata";

    private static final Pattern FK_TARGET = Pattern.compile("^(FOREIGN KEY \\([^)]*\\) REFERENCES [^(]+\\([^)]*\\))");
    private static final Pattern INDEX_NAME = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON ");
    private static final Pattern COLUMN_LIST = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern REFERENCES = Pattern.compile("REFERENCES ([^(]+)\\(([^)]*)\\)");

    /** Counts the rows that would break a change; the one thing the planner asks the database. */
    interface RowCounts {
        long count(String sql) throws SQLException;
    }

    private final SchemaCatalog expected;
    private final RowCounts rows;
    private final AdoptionPlan.Builder plan = new AdoptionPlan.Builder();
    private SchemaCatalog live;

    private AdoptionPlanner(SchemaCatalog expected, SchemaCatalog live, RowCounts rows) {
        this.expected = expected;
        this.live = live;
        this.rows = rows;
    }

    static AdoptionPlan plan(SchemaCatalog expected, SchemaCatalog live, RowCounts rows) throws SQLException {
        var planner = new AdoptionPlanner(expected, live, rows);
        planner.renameOldMetadataColumns();
        planner.reconcile(CatalogDiff.between(expected, planner.live).differences());
        return planner.plan.build();
    }

    /**
     * The column rename comes first, and the live catalog is read as if it were done, so that the
     * diff then compares the renamed column's type, nullability and default like any other.
     */
    private void renameOldMetadataColumns() {
        var tables = new LinkedHashMap<>(live.tables());
        for (Table want : expected.tables().values()) {
            Table have = live.tables().get(want.name());
            if (have == null
                    || !want.columns().containsKey(METADATA)
                    || have.columns().containsKey(METADATA)
                    || !have.columns().containsKey(OLD_METADATA)) {
                continue;
            }
            String t = want.name();
            plan.column(
                    "renamed " + t + "." + OLD_METADATA + " to " + METADATA + " (an early Alembic revision's name)",
                    AdoptionSql.fill(
                            SqlStatement.ADOPTION_RENAME_COLUMN,
                            Map.of("table", t, "from", OLD_METADATA, "to", METADATA)));
            var columns = new LinkedHashMap<String, Column>();
            have.columns().forEach((name, c) -> {
                if (name.equals(OLD_METADATA)) {
                    columns.put(METADATA, new Column(METADATA, c.position(), c.type(), c.nullable(), c.defaultExpr()));
                } else {
                    columns.put(name, c);
                }
            });
            tables.put(t, new Table(t, columns, have.indexes(), have.constraints(), have.triggers()));
        }
        live = new SchemaCatalog(live.schema(), tables, live.functions());
    }

    private void reconcile(List<SchemaDifference> differences) throws SQLException {
        var missingConstraints = new ArrayList<SchemaDifference>();
        var extraConstraints = new ArrayList<SchemaDifference>();
        for (SchemaDifference d : differences) {
            switch (d.kind()) {
                case TABLE_MISSING ->
                    plan.blocker("table " + d.object() + " is missing; adoption takes over the tables the"
                            + " Python backend created and creates none");
                case TABLE_EXTRA ->
                    plan.note("table " + d.object() + " is not part of this project; it is left as it is and"
                            + " `outreach db verify` reports it");
                case COLUMN_MISSING -> missingColumn(d);
                case COLUMN_EXTRA ->
                    plan.blocker(
                            "column " + d.object() + " is not in the schema; adoption never drops data."
                                    + " Move its data elsewhere and drop the column (after `outreach db backup`), then run this again");
                case COLUMN_TYPE_CHANGED -> columnType(d);
                case COLUMN_NULLABILITY_CHANGED -> nullability(d);
                case COLUMN_DEFAULT_CHANGED -> columnDefault(d);
                case CONSTRAINT_RENAMED -> renamedConstraint(d);
                case CONSTRAINT_CHANGED -> changedConstraint(d);
                case CONSTRAINT_MISSING -> missingConstraints.add(d);
                case CONSTRAINT_EXTRA -> extraConstraints.add(d);
                case INDEX_MISSING -> missingIndex(d);
                case INDEX_EXTRA -> extraIndex(d);
                case INDEX_CHANGED -> changedIndex(d);
                case INDEX_RENAMED -> renamedIndex(d);
                // V1 defines no trigger or function; whatever the predecessor has is left for `db verify` to report.
                case TRIGGER_MISSING,
                        TRIGGER_EXTRA,
                        TRIGGER_CHANGED,
                        FUNCTION_MISSING,
                        FUNCTION_EXTRA,
                        FUNCTION_CHANGED -> {}
                // Migration-history kinds come from SchemaVerifier, never from a catalog diff.
                default -> throw new IllegalStateException("not a catalog difference: " + d.kind());
            }
        }
        reconcileConstraints(missingConstraints, extraConstraints);
    }

    // --- columns -----------------------------------------------------------------------------

    private void missingColumn(SchemaDifference d) {
        String t = tableOf(d);
        Column want = expected.tables().get(t).columns().get(nameOf(d));
        if (!want.nullable()) {
            plan.blocker(
                    "column " + d.object() + " is missing and must not be NULL; it cannot be added to existing rows");
            return;
        }
        plan.column(
                "added the missing column " + d.object() + " (" + want.type() + ", NULL in existing rows)",
                AdoptionSql.fill(
                        SqlStatement.ADOPTION_ADD_COLUMN,
                        Map.of("table", t, "column", want.name(), "type", want.type())));
        if (want.defaultExpr() != null) {
            plan.column(
                    "set the default of " + d.object() + " to " + want.defaultExpr(),
                    AdoptionSql.fill(
                            SqlStatement.ADOPTION_SET_DEFAULT,
                            Map.of("table", t, "column", want.name(), "default", want.defaultExpr())));
        }
    }

    private void columnType(SchemaDifference d) {
        if (d.actual().startsWith("character varying(") && d.expected().equals("character varying")) {
            plan.column(
                    "widened " + d.object() + " from " + d.actual() + " to " + d.expected(),
                    AdoptionSql.fill(
                            SqlStatement.ADOPTION_CHANGE_TYPE,
                            Map.of("table", tableOf(d), "column", nameOf(d), "type", d.expected())));
        } else {
            plan.blocker("column " + d.object() + " is " + d.actual() + " where the schema has " + d.expected()
                    + "; converting it could change its values");
        }
    }

    private void nullability(SchemaDifference d) throws SQLException {
        var names = Map.of("table", tableOf(d), "column", nameOf(d));
        boolean wantNotNull =
                !expected.tables().get(tableOf(d)).columns().get(nameOf(d)).nullable();
        if (wantNotNull) {
            long nulls = rows.count(AdoptionSql.fill(SqlStatement.ADOPTION_COUNT_NULLS, names));
            if (nulls > 0) {
                plan.blocker("column " + d.object() + " must not be NULL, but " + nulls + " row(s) have NULL there");
            } else {
                plan.column(
                        "made " + d.object() + " NOT NULL (no row has NULL there)",
                        AdoptionSql.fill(SqlStatement.ADOPTION_SET_NOT_NULL, names));
            }
        } else {
            plan.column(
                    "allowed NULL in " + d.object()
                            + " as V1 does (a later migration restores NOT NULL where it belongs)",
                    AdoptionSql.fill(SqlStatement.ADOPTION_DROP_NOT_NULL, names));
        }
    }

    private void columnDefault(SchemaDifference d) {
        String t = tableOf(d);
        if (d.expected() == null) {
            plan.column(
                    "removed the default " + d.actual() + " of " + d.object(),
                    AdoptionSql.fill(SqlStatement.ADOPTION_DROP_DEFAULT, Map.of("table", t, "column", nameOf(d))));
        } else {
            plan.column(
                    "set the database default of " + d.object() + " to " + d.expected()
                            + (d.actual() == null
                                    ? " (it was applied by the Python client only)"
                                    : " (was " + d.actual() + ")"),
                    AdoptionSql.fill(
                            SqlStatement.ADOPTION_SET_DEFAULT,
                            Map.of("table", t, "column", nameOf(d), "default", d.expected())));
        }
    }

    // --- constraints -------------------------------------------------------------------------

    private void renamedConstraint(SchemaDifference d) {
        String t = tableOf(d);
        plan.addConstraint(
                "renamed constraint " + d.actual() + " on " + t + " to " + d.expected(),
                AdoptionSql.fill(
                        SqlStatement.ADOPTION_RENAME_CONSTRAINT,
                        Map.of("table", t, "from", d.actual(), "to", d.expected())));
    }

    /** Same name, other definition: a foreign key with other ON DELETE rules is replaced; anything else is one extra and one missing. */
    private void changedConstraint(SchemaDifference d) throws SQLException {
        String t = tableOf(d);
        Constraint want = expected.tables().get(t).constraints().get(nameOf(d));
        Constraint have = live.tables().get(t).constraints().get(nameOf(d));
        if (signature(want).equals(signature(have))) {
            replaceConstraint(t, have, want);
        } else {
            extraConstraint(t, have);
            addConstraint(t, want, "added the missing constraint ");
        }
    }

    /**
     * A missing constraint and an unexpected one with the same columns and target (a foreign key
     * under another name, with other ON DELETE rules) are one replacement, not a drop and an add.
     */
    private void reconcileConstraints(List<SchemaDifference> missing, List<SchemaDifference> extra)
            throws SQLException {
        Set<String> replaced = new HashSet<>();
        for (SchemaDifference m : missing) {
            String t = tableOf(m);
            Constraint want = expected.tables().get(t).constraints().get(nameOf(m));
            Constraint similar = null;
            for (SchemaDifference e : extra) {
                Constraint have = live.tables().get(tableOf(e)).constraints().get(nameOf(e));
                if (tableOf(e).equals(t)
                        && !replaced.contains(e.object())
                        && signature(have).equals(signature(want))) {
                    similar = have;
                    replaced.add(e.object());
                    break;
                }
            }
            if (similar != null) {
                replaceConstraint(t, similar, want);
            } else {
                addConstraint(t, want, "added the missing constraint ");
            }
        }
        for (SchemaDifference e : extra) {
            if (!replaced.contains(e.object())) {
                extraConstraint(
                        tableOf(e), live.tables().get(tableOf(e)).constraints().get(nameOf(e)));
            }
        }
    }

    private void replaceConstraint(String t, Constraint have, Constraint want) throws SQLException {
        plan.dropConstraint(
                "replaced constraint " + have.name() + " on " + t + " (" + have.definition() + ") by " + want.name()
                        + " (" + want.definition() + ")",
                AdoptionSql.fill(SqlStatement.ADOPTION_DROP_CONSTRAINT, Map.of("table", t, "constraint", have.name())));
        addConstraint(t, want, "created ");
    }

    private void extraConstraint(String t, Constraint have) {
        if (have.type() == 'f') {
            plan.dropConstraint(
                    "dropped foreign key " + have.name() + " on " + t + " (" + have.definition()
                            + "), which the schema does not have (no row is touched)",
                    AdoptionSql.fill(
                            SqlStatement.ADOPTION_DROP_CONSTRAINT, Map.of("table", t, "constraint", have.name())));
        } else {
            plan.blocker("constraint " + have.name() + " on " + t + " (" + have.definition() + ") is not in the schema;"
                    + " drop it yourself if it is not needed, then run this again");
        }
    }

    private void addConstraint(String t, Constraint want, String verb) throws SQLException {
        String blocked = rowsViolating(live.tables().get(t), want);
        if (blocked != null) {
            plan.blocker(blocked);
            return;
        }
        plan.addConstraint(
                verb + want.name() + " on " + t + " (" + want.definition() + ")",
                AdoptionSql.fill(
                        SqlStatement.ADOPTION_ADD_CONSTRAINT,
                        Map.of("table", t, "constraint", want.name(), "definition", want.definition())));
    }

    /** Why existing rows would break {@code con}, or null when they fit. */
    private String rowsViolating(Table have, Constraint con) throws SQLException {
        Matcher cols = COLUMN_LIST.matcher(con.definition());
        if (!cols.find()) {
            return null;
        }
        String table = have.name();
        String columns = cols.group(1);
        for (String column : columns.split(",\\s*")) {
            if (!have.columns().containsKey(column)) {
                return null; // the column is added by this adoption: every row holds NULL there
            }
        }
        switch (con.type()) {
            case 'p', 'u' -> {
                long dup = rows.count(AdoptionSql.fill(
                        SqlStatement.ADOPTION_COUNT_DUPLICATES, Map.of("table", table, "columns", columns)));
                return dup == 0
                        ? null
                        : "constraint " + con.name() + " (" + con.definition() + ") cannot be added: " + dup
                                + " value(s) of " + table + "(" + columns + ") occur more than once";
            }
            case 'f' -> {
                Matcher m = REFERENCES.matcher(con.definition());
                if (!m.find()) {
                    return null;
                }
                long orphans = rows.count(AdoptionSql.fill(
                        SqlStatement.ADOPTION_COUNT_ORPHANS,
                        Map.ofEntries(
                                entry("table", table),
                                entry("columns", columns),
                                entry("target", m.group(1)),
                                entry("target_columns", m.group(2)))));
                return orphans == 0
                        ? null
                        : "foreign key " + con.name() + " cannot be added: " + orphans + " row(s) of " + table
                                + " point to a " + m.group(1) + " row that does not exist (" + columns + ")";
            }
            default -> {
                return null;
            }
        }
    }

    /** A foreign key's columns and target without its ON DELETE/UPDATE rules; any other constraint's definition. */
    private static String signature(Constraint con) {
        Matcher m = FK_TARGET.matcher(con.definition());
        return con.type() + ":" + (m.find() ? m.group(1) : con.definition());
    }

    // --- indexes -----------------------------------------------------------------------------

    private void missingIndex(SchemaDifference d) {
        plan.index("created the missing index " + nameOf(d) + " on " + tableOf(d), d.expected());
    }

    private void changedIndex(SchemaDifference d) {
        plan.index(
                "rebuilt index " + nameOf(d) + " on " + tableOf(d) + " as " + d.expected() + " (was " + d.actual()
                        + ")",
                AdoptionSql.fill(SqlStatement.ADOPTION_DROP_INDEX, Map.of("index", nameOf(d))),
                d.expected());
    }

    private void renamedIndex(SchemaDifference d) {
        plan.index(
                "renamed index " + d.actual() + " on " + tableOf(d) + " to " + d.expected(),
                AdoptionSql.fill(SqlStatement.ADOPTION_RENAME_INDEX, Map.of("from", d.actual(), "to", d.expected())));
    }

    private void extraIndex(SchemaDifference d) {
        String t = tableOf(d);
        String key = indexKey(d.actual());
        boolean copy = expected.tables().get(t).indexes().values().stream()
                .map(Index::definition)
                .anyMatch(def -> indexKey(def).equals(key));
        if (copy) {
            plan.index(
                    "dropped index " + nameOf(d) + " on " + t + ", a second copy of an index the schema has",
                    AdoptionSql.fill(SqlStatement.ADOPTION_DROP_INDEX, Map.of("index", nameOf(d))));
        } else {
            plan.note("index " + nameOf(d) + " on " + t
                    + " is not in the schema; it is kept and `outreach db verify` reports it");
        }
    }

    /** The index definition without its name, so copies under other names compare equal. */
    private static String indexKey(String definition) {
        return INDEX_NAME.matcher(definition).replaceFirst("$1INDEX ON ");
    }

    // --- names -------------------------------------------------------------------------------

    /** The table of a {@code table.name} object. */
    private static String tableOf(SchemaDifference d) {
        int dot = d.object().indexOf('.');
        return dot < 0 ? d.object() : d.object().substring(0, dot);
    }

    /** The column, constraint or index of a {@code table.name} object. */
    private static String nameOf(SchemaDifference d) {
        return d.object().substring(d.object().indexOf('.') + 1);
    }
}
