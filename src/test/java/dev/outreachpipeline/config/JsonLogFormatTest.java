package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped logback.xml under OUTREACH_LOG_FORMAT: every line on stderr is one JSON object with
 * the documented keys, and secrets are masked as in the text format.
 */
class JsonLogFormatTest {

    private static final String DB_PASSWORD = "pg-s3cret-pw";
    private static final String API_KEY = "hk-s3cret-key";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonFormatWritesOneMaskedObjectPerLineWithTheDocumentedKeys() throws Exception {
        String stderr = logWithShippedConfiguration("json");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(line.isObject()).as(line.toString()).isTrue();
            assertThat(line.fieldNames()).toIterable().contains("timestamp", "level", "logger", "thread", "message");
            assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        }
        assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).get("logger").asText()).isEqualTo("dev.outreachpipeline.Probe");
        assertThat(lines.get(0).get("thread").asText())
                .isEqualTo(Thread.currentThread().getName());
        assertThat(lines.get(0).get("message").asText())
                .isEqualTo("Using PostgreSQL at postgres://app:****@db.example:5432/outreach");
        assertThat(lines.get(1).get("message").asText())
                .isEqualTo("calling https://api.hunter.io/v2/domain-search?domain=a.com&api_key=****");
        assertThat(lines.get(2).get("level").asText()).isEqualTo("ERROR");
        assertThat(lines.get(2).get("exception").asText()).contains("IllegalStateException", "password=****");
        assertThat(lines.get(0).has("exception")).isFalse();
        assertThat(stderr).doesNotContain(DB_PASSWORD).doesNotContain(API_KEY);
    }

    @Test
    void textFormatMasksMessagesAndStackTracesToo() throws Exception {
        String stderr = logWithShippedConfiguration("text");

        assertThat(stderr)
                .contains(
                        "INFO  Probe - Using PostgreSQL at postgres://app:****@db.example:5432/outreach",
                        "api_key=****",
                        "java.lang.IllegalStateException");
        assertThat(stderr).doesNotContain(DB_PASSWORD).doesNotContain(API_KEY).doesNotStartWith("{");
    }

    @Test
    void anUnknownFormatLogsTextAndTheConfigurationCheckRefusesIt() throws Exception {
        String stderr = logWithShippedConfiguration("yaml");

        assertThat(stderr).contains("INFO  Probe - Using PostgreSQL").doesNotStartWith("{");
        assertThat(ConfigSchema.PROCESS_VARIABLES.get("OUTREACH_LOG_FORMAT").apply("yaml"))
                .contains("must be text or json, is 'yaml'");
        assertThat(ConfigSchema.PROCESS_VARIABLES.get("OUTREACH_LOG_FORMAT").apply("json"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void theLogSettingsAreKnownToTheConfigurationNotUnknownVariables() {
        var config = OutreachConfig.load(null, Map.of("OUTREACH_LOG_FORMAT", "json", "OUTREACH_HOME", "/opt/x"), null);

        assertThat(config.get("outreach.jobs.workers")).isNotBlank();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> OutreachConfig.load(null, Map.of("OUTREACH_LOG_FORMAT", "xml"), null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OUTREACH_LOG_FORMAT must be text or json, is 'xml'");
    }

    /** Configures a fresh logback context from the shipped logback.xml, logs three events, returns stderr. */
    private String logWithShippedConfiguration(String format) throws Exception {
        var captured = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        var context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.putProperty("OUTREACH_LOG_FORMAT", format);
            var configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
            Logger log = context.getLogger("dev.outreachpipeline.Probe");
            log.info("Using PostgreSQL at {}", "postgres://app:" + DB_PASSWORD + "@db.example:5432/outreach");
            log.info("calling https://api.hunter.io/v2/domain-search?domain=a.com&api_key={}", API_KEY);
            log.error(
                    "the call failed",
                    new IllegalStateException("refused jdbc:postgresql://db/x?user=app&password=" + DB_PASSWORD));
        } finally {
            context.stop();
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
