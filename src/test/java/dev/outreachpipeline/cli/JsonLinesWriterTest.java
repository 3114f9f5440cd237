package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachLineTheCommandPrintsBecomesOneMaskedJsonObject() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
        var err = new PrintWriter(new JsonLinesWriter(bytes, clock), true);

        err.println("The configuration is valid.");
        err.print("Cannot connect to postgres://app:hunter2@db:5432/x");
        err.println(" (\"quoted\")");
        err.print("left without a newline");
        err.flush();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("message").asText()).isEqualTo("The configuration is valid.");
        assertThat(lines.get(0).get("timestamp").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).has("logger")).isTrue();
        assertThat(lines.get(0).has("thread")).isTrue();
        assertThat(lines.get(1).get("message").asText())
                .isEqualTo("Cannot connect to postgres://app:****@db:5432/x (\"quoted\")");
        assertThat(lines.get(2).get("message").asText()).isEqualTo("left without a newline");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }
}
