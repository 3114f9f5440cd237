package dev.outreachpipeline.db;

import dev.outreachpipeline.db.SchemaCatalog.Column;
import dev.outreachpipeline.db.SchemaCatalog.Constraint;
import dev.outreachpipeline.db.SchemaCatalog.Index;
import dev.outreachpipeline.db.SchemaCatalog.Table;
import dev.outreachpipeline.db.SchemaDifference.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between the catalog the migrations define and the one a database holds, worded
 * for the person who has to put them right. Pure: needs no database, so every rule is unit-tested.
 */
public final class CatalogDiff {

    /** Kept by the adoption of the predecessor's database on purpose, so it is mentioned, never reported. */
    public static final String ALEMBIC_TABLE = DatabaseState.ALEMBIC_TABLE;

    private final List<SchemaDifference> differences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private CatalogDiff() {}

    public static CatalogDiff between(SchemaCatalog expected, SchemaCatalog actual) {
        var diff = new CatalogDiff();
        diff.compareTables(expected, actual);
        diff.compareFunctions(expected.functions(), actual.functions());
        return diff;
    }

    public List<SchemaDifference> differences() {
        return List.copyOf(differences);
    }

    /** Things worth knowing that are not drift. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Whether a table is part of the schema the migrations define, rather than Flyway's own history,
     * the predecessor's alembic_version, or a scratch schema's table.
     */
    public static boolean isSchemaTable(String name) {
        return !name.equals(Migrations.HISTORY_TABLE)
                && !name.equals(ALEMBIC_TABLE)
                && !name.startsWith(ScratchSchema.PREFIX);
    }

    private void compareTables(SchemaCatalog expected, SchemaCatalog actual) {
        var names = new TreeSet<String>();
        names.addAll(expected.tables().keySet());
        names.addAll(actual.tables().keySet());
        for (String name : names) {
            if (!isSchemaTable(name)) {
                continue;
            }
            Table want = expected.tables().get(name);
            Table have = actual.tables().get(name);
            if (have == null) {
                add(
                        Kind.TABLE_MISSING,
                        name,
                        "table " + name + " (" + want.columns().size() + " columns)",
                        null,
                        "Table " + name + " is missing: the migrations create it with columns "
                                + String.join(", ", want.columns().keySet()) + ".");
            } else if (want == null) {
                add(
                        Kind.TABLE_EXTRA,
                        name,
                        null,
                        "table " + name + " (" + have.columns().size() + " columns)",
                        "Table " + name + " is not created by any migration (orphaned); it has columns "
                                + String.join(", ", have.columns().keySet()) + ".");
            } else {
                compareColumns(name, want.columns(), have.columns());
                compareConstraints(name, want.constraints(), have.constraints());
                compareIndexes(name, want, have);
                compareTriggers(name, want.triggers(), have.triggers());
            }
        }
        if (actual.hasTable(ALEMBIC_TABLE) && !expected.hasTable(ALEMBIC_TABLE)) {
            notes.add("Table " + ALEMBIC_TABLE
                    + " is the Python backend's migration record, kept on purpose after adoption;"
                    + " it is not compared.");
        }
    }

    private void compareColumns(String table, Map<String, Column> want, Map<String, Column> have) {
        for (String name : union(want.keySet(), have.keySet())) {
            String object = table + "." + name;
            Column w = want.get(name);
            Column h = have.get(name);
            if (h == null) {
                add(
                        Kind.COLUMN_MISSING,
                        object,
                        describe(w),
                        null,
                        "Column " + object + " is missing: expected a column of type " + describe(w) + ", found none.");
            } else if (w == null) {
                add(
                        Kind.COLUMN_EXTRA,
                        object,
                        null,
                        describe(h),
                        "Column " + object + " is not defined by any migration: found a column of type " + describe(h)
                                + ".");
            } else {
                if (!w.type().equals(h.type())) {
                    add(
                            Kind.COLUMN_TYPE_CHANGED,
                            object,
                            w.type(),
                            h.type(),
                            "Column " + object + " has another type: expected " + w.type() + ", found " + h.type()
                                    + ".");
                }
                if (w.nullable() != h.nullable()) {
                    add(
                            Kind.COLUMN_NULLABILITY_CHANGED,
                            object,
                            nullability(w),
                            nullability(h),
                            "Column " + object + " has another nullability: expected " + nullability(w) + ", found "
                                    + nullability(h) + ".");
                }
                if (!Objects.equals(w.defaultExpr(), h.defaultExpr())) {
                    add(
                            Kind.COLUMN_DEFAULT_CHANGED,
                            object,
                            w.defaultExpr(),
                            h.defaultExpr(),
                            "Column " + object + " has another default: expected " + defaultText(w) + ", found "
                                    + defaultText(h) + ".");
                }
            }
        }
    }

    private void compareConstraints(String table, Map<String, Constraint> want, Map<String, Constraint> have) {
        var renamed = matchRenamed(
                want, have, (w, h) -> w.type() == h.type() && w.definition().equals(h.definition()));
        for (String name : union(want.keySet(), have.keySet())) {
            Constraint w = want.get(name);
            Constraint h = have.get(name);
            if (h == null && renamed.containsKey(name)) {
                String newName = renamed.get(name);
                add(
                        Kind.CONSTRAINT_RENAMED,
                        table + "." + name,
                        name,
                        newName,
                        capitalised(what(w)) + " " + name + " on " + table + " has another name: expected " + name
                                + ", found " + newName + " (" + w.definition() + ").");
            } else if (h == null) {
                add(
                        Kind.CONSTRAINT_MISSING,
                        table + "." + name,
                        w.definition(),
                        null,
                        capitalised(what(w)) + " " + name + " on " + table + " is missing: expected " + w.definition()
                                + ", found none.");
            } else if (w == null) {
                if (!renamed.containsValue(name)) {
                    add(
                            Kind.CONSTRAINT_EXTRA,
                            table + "." + name,
                            null,
                            h.definition(),
                            capitalised(what(h)) + " " + name + " on " + table
                                    + " is not defined by any migration: found " + h.definition() + ".");
                }
            } else if (w.type() != h.type() || !w.definition().equals(h.definition())) {
                add(
                        Kind.CONSTRAINT_CHANGED,
                        table + "." + name,
                        w.definition(),
                        h.definition(),
                        capitalised(what(w)) + " " + name + " on " + table + " has another definition: expected "
                                + w.definition() + ", found " + h.definition() + ".");
            }
        }
    }

    /**
     * Indexes that back a primary key, unique or exclusion constraint come and go with it; the
     * constraint's own difference already says so, so they are left out here.
     */
    private void compareIndexes(String table, Table wantTable, Table haveTable) {
        Set<String> constraintNames = new HashSet<>(wantTable.constraints().keySet());
        constraintNames.addAll(haveTable.constraints().keySet());
        var want = new LinkedHashMap<String, Index>();
        wantTable.indexes().forEach((k, v) -> {
            if (!constraintNames.contains(k)) {
                want.put(k, v);
            }
        });
        var have = new LinkedHashMap<String, Index>();
        haveTable.indexes().forEach((k, v) -> {
            if (!constraintNames.contains(k)) {
                have.put(k, v);
            }
        });
        var renamed = matchRenamed(want, have, (w, h) -> anonymous(w).equals(anonymous(h)));
        for (String name : union(want.keySet(), have.keySet())) {
            Index w = want.get(name);
            Index h = have.get(name);
            String object = table + "." + name;
            if (h == null && renamed.containsKey(name)) {
                add(
                        Kind.INDEX_RENAMED,
                        object,
                        name,
                        renamed.get(name),
                        "Index " + name + " on " + table + " has another name: expected " + name + ", found "
                                + renamed.get(name) + " (" + anonymous(w) + ").");
            } else if (h == null) {
                add(
                        Kind.INDEX_MISSING,
                        object,
                        w.definition(),
                        null,
                        "Index " + name + " on " + table + " is missing: expected " + w.definition() + ", found none.");
            } else if (w == null) {
                if (!renamed.containsValue(name)) {
                    add(
                            Kind.INDEX_EXTRA,
                            object,
                            null,
                            h.definition(),
                            "Index " + name + " on " + table + " is not defined by any migration: found "
                                    + h.definition() + ".");
                }
            } else if (!w.definition().equals(h.definition())) {
                add(
                        Kind.INDEX_CHANGED,
                        object,
                        w.definition(),
                        h.definition(),
                        "Index " + name + " on " + table + " has another definition: expected " + w.definition()
                                + ", found " + h.definition() + ".");
            }
        }
    }

    private void compareTriggers(String table, Map<String, String> want, Map<String, String> have) {
        for (String name : union(want.keySet(), have.keySet())) {
            String w = want.get(name);
            String h = have.get(name);
            String object = table + "." + name;
            if (h == null) {
                add(
                        Kind.TRIGGER_MISSING,
                        object,
                        w,
                        null,
                        "Trigger " + name + " on " + table + " is missing: expected " + w + ", found none.");
            } else if (w == null) {
                add(
                        Kind.TRIGGER_EXTRA,
                        object,
                        null,
                        h,
                        "Trigger " + name + " on " + table + " is not defined by any migration: found " + h + ".");
            } else if (!w.equals(h)) {
                add(
                        Kind.TRIGGER_CHANGED,
                        object,
                        w,
                        h,
                        "Trigger " + name + " on " + table + " has another definition: expected " + w + ", found " + h
                                + ".");
            }
        }
    }

    /** Function bodies run to many lines, so the sentence names the function and the JSON carries the bodies. */
    private void compareFunctions(Map<String, String> want, Map<String, String> have) {
        for (String name : union(want.keySet(), have.keySet())) {
            String w = want.get(name);
            String h = have.get(name);
            if (h == null) {
                add(
                        Kind.FUNCTION_MISSING,
                        name,
                        w,
                        null,
                        "Function " + name + " is missing: the migrations create it, the schema has no such function.");
            } else if (w == null) {
                add(
                        Kind.FUNCTION_EXTRA,
                        name,
                        null,
                        h,
                        "Function " + name + " is not created by any migration: found it in the schema.");
            } else if (!w.equals(h)) {
                add(
                        Kind.FUNCTION_CHANGED,
                        name,
                        w,
                        h,
                        "Function " + name + " has another body than the one the migrations define.");
            }
        }
    }

    /**
     * Pairs each missing object with an unexpected one of the same definition: the predecessor's
     * databases hold the same constraints and indexes under other names, which is one fix (a
     * rename), not a drop and a create.
     *
     * @return missing name to the name it was found under
     */
    private static <T> Map<String, String> matchRenamed(
            Map<String, T> want, Map<String, T> have, BiPredicate<T, T> same) {
        var renamed = new LinkedHashMap<String, String>();
        var taken = new HashSet<String>();
        for (var w : want.entrySet()) {
            if (have.containsKey(w.getKey())) {
                continue;
            }
            for (var h : have.entrySet()) {
                if (!want.containsKey(h.getKey())
                        && !taken.contains(h.getKey())
                        && same.test(w.getValue(), h.getValue())) {
                    renamed.put(w.getKey(), h.getKey());
                    taken.add(h.getKey());
                    break;
                }
            }
        }
        return renamed;
    }

    /** The index definition without its name, to recognise the same index under another name. */
    private static String anonymous(Index index) {
        Matcher m = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON .*)$", Pattern.DOTALL)
                .matcher(index.definition());
        return m.matches() ? m.group(1).stripTrailing() + m.group(3) : index.definition();
    }

    private static String describe(Column c) {
        return c.type()
                + (c.nullable() ? "" : " NOT NULL")
                + (c.defaultExpr() == null ? "" : " DEFAULT " + c.defaultExpr());
    }

    private static String nullability(Column c) {
        return c.nullable() ? "NULL allowed" : "NOT NULL";
    }

    private static String defaultText(Column c) {
        return c.defaultExpr() == null ? "no default" : "DEFAULT " + c.defaultExpr();
    }

    private static String what(Constraint c) {
        return switch (c.type()) {
            case 'p' -> "primary key";
            case 'u' -> "unique constraint";
            case 'f' -> "foreign key";
            case 'c' -> "check constraint";
            case 'x' -> "exclusion constraint";
            default -> "constraint";
        };
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private void add(Kind kind, String object, String expected, String actual, String message) {
        differences.add(new SchemaDifference(kind, object, expected, actual, message));
    }
}
