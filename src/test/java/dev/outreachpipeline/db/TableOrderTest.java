package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TableOrderTest {

    @Test
    void everyTableComesAfterTheTablesItReferences() {
        SchemaCatalog catalog = catalog(Map.of(
                "email_logs", List.of("FOREIGN KEY (prospect_id) REFERENCES prospects(id)"),
                "prospects", List.of("FOREIGN KEY (discovery_query_id) REFERENCES discovery_queries(id)"),
                "discovery_queries", List.of("FOREIGN KEY (job_id) REFERENCES jobs(id) ON DELETE CASCADE"),
                "jobs", List.of(),
                "settings", List.of()));

        assertThat(TableOrder.parentsFirst(catalog, catalog.tables().keySet()))
                .containsExactly("jobs", "discovery_queries", "prospects", "email_logs", "settings");
    }

    @Test
    void selfReferencesQuotedNamesAndOtherSchemasImposeNoImpossibleOrder() {
        SchemaCatalog catalog = catalog(Map.of(
                "Child Table", List.of("FOREIGN KEY (\"Parent id\") REFERENCES \"a parent\"(id)"),
                "a parent",
                        List.of(
                                "FOREIGN KEY (parent_id) REFERENCES \"a parent\"(id)",
                                "FOREIGN KEY (tenant_id) REFERENCES elsewhere.tenants(id)")));

        assertThat(TableOrder.parentsFirst(catalog, catalog.tables().keySet()))
                .containsExactly("a parent", "Child Table");
    }

    @Test
    void referencesToTablesOutsideTheSetAreIgnored() {
        SchemaCatalog catalog = catalog(Map.of(
                "notes", List.of("FOREIGN KEY (job_id) REFERENCES jobs(id)"),
                "jobs", List.of()));

        assertThat(TableOrder.parentsFirst(catalog, List.of("notes"))).containsExactly("notes");
    }

    @Test
    void aCycleIsReportedWithItsTables() {
        SchemaCatalog catalog = catalog(Map.of(
                "a", List.of("FOREIGN KEY (b_id) REFERENCES b(id)"),
                "b", List.of("FOREIGN KEY (a_id) REFERENCES a(id)"),
                "c", List.of()));

        assertThatThrownBy(
                        () -> TableOrder.parentsFirst(catalog, catalog.tables().keySet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a, b")
                .hasMessageContaining("cycle");
    }

    @Test
    void primaryKeyColumnsAreReadFromTheConstraintDefinition() {
        assertThat(SqlNames.listAfter("PRIMARY KEY (id)", "PRIMARY KEY")).containsExactly("id");
        assertThat(SqlNames.listAfter("PRIMARY KEY (tenant, \"Row \"\"No\"\"\")", "PRIMARY KEY"))
                .containsExactly("tenant", "Row \"No\"");
        assertThat(SqlNames.quote("Row \"No\"")).isEqualTo("\"Row \"\"No\"\"\"");
    }

    private static SchemaCatalog catalog(Map<String, List<String>> foreignKeys) {
        var tables = new TreeMap<String, SchemaCatalog.Table>();
        foreignKeys.forEach((table, definitions) -> {
            var constraints = new TreeMap<String, SchemaCatalog.Constraint>();
            for (int i = 0; i < definitions.size(); i++) {
                constraints.put(
                        table + "_fk" + i, new SchemaCatalog.Constraint(table + "_fk" + i, 'f', definitions.get(i)));
            }
            tables.put(
                    table,
                    new SchemaCatalog.Table(table, new TreeMap<>(), new TreeMap<>(), constraints, new TreeMap<>()));
        });
        return new SchemaCatalog(null, tables, new TreeMap<>());
    }
}
