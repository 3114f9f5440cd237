package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlFilesTest {

    @Test
    void everyStatementFileJavaAndTheRoutesNameIsInTheJar() {
        assertThatCode(SqlFiles::verify).doesNotThrowAnyException();
        for (SqlStatement s : SqlStatement.values()) {
            assertThat(s.text()).as(s.file()).isNotBlank();
        }
    }

    @Test
    void theRoutesOnTheClasspathAreReadForTheirStatementFiles() {
        assertThat(SqlFiles.referencedFromRoutes())
                .contains("claim-job.sql", "send-facts.sql", "claim-prospects-for-drafting.sql");
        assertThat(SqlFiles.references("""
                - to:
                    uri: sql:classpath:sql/record-draft.sql?transacted=true
                - to: "sql:classpath:sql/claim-job.sql"
                """)).containsExactly("claim-job.sql", "record-draft.sql");
    }

    @Test
    void routesRunStatementsOnlyFromSqlFiles() throws Exception {
        var inline = new ArrayList<String>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("routes"))) {
            for (var file :
                    files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    if (line.matches("\\s*-?\\s*uri: \"?sql:.*") && !line.contains("sql:classpath:sql/")) {
                        inline.add(file.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void aMissingFileIsNamedInOneSentence() {
        assertThatThrownBy(() -> SqlFiles.failOnMissing(
                        List.of("claim-job.sql", "gone.sql", "lost.sql"), name -> name.equals("claim-job.sql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The jar lacks the SQL statement files sql/gone.sql, sql/lost.sql;"
                        + " rebuild it from a complete checkout (src/main/resources/sql/).");
        assertThatCode(() -> SqlFiles.failOnMissing(Set.of("claim-job.sql"), name -> true))
                .doesNotThrowAnyException();
    }

    /** The guard for "no SQL text in Java": a string literal or text block that opens with a statement. */
    @Test
    void noJavaSourceHoldsAStatement() throws Exception {
        var statement = java.util.regex.Pattern.compile(
                "(\"|\"\"\"\\s*)(SELECT |INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|SET (LOCAL|TRANSACTION|search_path)"
                        + "|LOCK TABLE|TRUNCATE|COPY |DROP |CREATE |ALTER |WITH [a-z_]+ AS)");
        var offending = new ArrayList<String>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = statement.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    offending.add(file + ": " + m.group(2));
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void namedParametersBecomeQuestionMarksInTheirOrder() {
        var sql = NamedParameters.of("""
                UPDATE jobs SET run_after = now()::timestamptz
                 WHERE job_type = :#jobType AND id = CAST(:#id AS uuid) OR job_type = :#jobType""");
        assertThat(sql.jdbcText()).isEqualTo("""
                UPDATE jobs SET run_after = now()::timestamptz
                 WHERE job_type = ? AND id = CAST(? AS uuid) OR job_type = ?""");
        assertThat(sql.names()).containsExactly("jobType", "id", "jobType");
    }

    @Test
    void bindingSetsEachValueAtItsPlaceAndRefusesAMissingName() throws Exception {
        var sql = NamedParameters.of("SELECT :#b, :#a, :#b");
        var set = new ArrayList<String>();
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setObject")) {
                        set.add(args[0] + "=" + args[1]);
                    }
                    return null;
                });
        sql.bind(ps, Map.of("a", "A", "b", "B"));
        assertThat(set).containsExactly("1=B", "2=A", "3=B");
        assertThatThrownBy(() -> sql.bind(ps, Map.of("a", "A"))).hasMessageContaining(":#b, which is not given");
    }

    @Test
    void expressionParametersHaveNoJdbcFormAndAreRefused() {
        assertThatThrownBy(() -> NamedParameters.of("SELECT :#${variable.x}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyJavaStatementThatTakesNamedParametersTranslates() {
        for (SqlStatement s : SqlStatement.values()) {
            if (!s.text().contains("{")) {
                assertThatCode(s::jdbc).as(s.file()).doesNotThrowAnyException();
            }
        }
    }
}
