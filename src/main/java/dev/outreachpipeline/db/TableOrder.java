package dev.outreachpipeline.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which tables can be filled without breaking a foreign key: every table after the
 * tables it references. Derived from the catalog's constraints, so a new migration's foreign keys
 * are followed without anyone editing a list.
 */
public final class TableOrder {

    private TableOrder() {}

    /**
     * {@code tables} parents first. Ties are broken by name, so the order (and with it a backup's
     * manifest) is the same on every run. References to tables outside {@code tables}, and a
     * table's references to itself, impose no order.
     *
     * @throws IllegalStateException if the foreign keys form a cycle, which no load order satisfies
     */
    public static List<String> parentsFirst(SchemaCatalog catalog, Collection<String> tables) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (String table : tables) {
            var references = new TreeSet<String>();
            SchemaCatalog.Table t = catalog.tables().get(table);
            if (t == null) {
                throw new IllegalArgumentException("the catalog has no table " + table);
            }
            for (SchemaCatalog.Constraint k : t.constraints().values()) {
                if (k.type() != 'f') {
                    continue;
                }
                List<String> referenced = SqlNames.referencedTable(k.definition());
                if (referenced.size() == 1 && !referenced.get(0).equals(table) && tables.contains(referenced.get(0))) {
                    references.add(referenced.get(0));
                }
            }
            parents.put(table, references);
        }
        var ordered = new ArrayList<String>();
        var remaining = new TreeSet<>(tables);
        while (!remaining.isEmpty()) {
            String next = null;
            for (String candidate : remaining) {
                if (ordered.containsAll(parents.get(candidate))) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("the foreign keys between " + String.join(", ", remaining)
                        + " form a cycle; no order of loading satisfies them");
            }
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }
}
