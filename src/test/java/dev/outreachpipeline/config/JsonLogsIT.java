package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.JarProcess;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with OUTREACH_LOG_FORMAT=json: stderr is JSON only, logs and messages alike, and masked. */
class JsonLogsIT {

    private static final Duration COMMAND = Duration.ofSeconds(120);
    private static final String PASSWORD = "s3cret-json-pw";
    private static final String API_KEY = "hk-json-s3cret";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void everyStderrLineIsAJsonObjectAndNoSecretAppears() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        Map<String, String> env = db.env(
                "DATABASE_URL",
                db.databaseUrl() + "&password=" + PASSWORD,
                "HUNTER_API_KEY",
                API_KEY,
                "OUTREACH_LOG_FORMAT",
                "json",
                "LOG_LEVEL",
                "DEBUG");

        // refused (not migrated): a message naming the database, with its URL
        try (JarProcess backup = JarProcess.start(workDir, env, "db", "backup", "--to", "backup")) {
            assertThat(backup.waitFor(COMMAND)).as(backup.err()).isEqualTo(1);
            List<JsonNode> lines = jsonLines(backup.err());
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l.get("message").asText())
                            .contains("Refusing to back up", "postgres:****@", "not migrated"));
            assertThat(backup.err() + backup.out()).doesNotContain(PASSWORD).doesNotContain(API_KEY);
        }
        try (JarProcess migrate = JarProcess.start(workDir, env, "db", "migrate")) {
            assertThat(migrate.waitFor(COMMAND)).as(migrate.err()).isZero();
            List<JsonNode> lines = jsonLines(migrate.err());
            assertThat(lines).anySatisfy(l -> {
                assertThat(l.get("logger").asText()).startsWith("dev.outreachpipeline.db");
                assertThat(l.get("message").asText()).startsWith("Using PostgreSQL at");
            });
            assertThat(migrate.err() + migrate.out()).doesNotContain(PASSWORD).doesNotContain(API_KEY);
        }
    }

    private List<JsonNode> jsonLines(String stderr) throws Exception {
        var lines = new ArrayList<JsonNode>();
        for (String line : stderr.split("\n")) {
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as("a JSON object: " + line).isTrue();
            assertThat(node.fieldNames())
                    .toIterable()
                    .as(line)
                    .contains("timestamp", "level", "logger", "thread", "message");
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }
}
