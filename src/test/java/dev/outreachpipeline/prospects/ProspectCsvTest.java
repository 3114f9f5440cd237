package dev.outreachpipeline.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProspectCsvTest {

    private static final String HEADER = "id,domain,page_url,page_title,contact_email,contact_method,score,"
            + "outreach_status,last_sent,followups_sent,draft_subject,created_at,campaign,keyword,location,contact_first_name";

    private static Map<String, Object> row(UUID id, String title, String subject) {
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("domain", "gardenblog.com");
        row.put("page_url", "https://gardenblog.com/lights?a=1,2&b=\"3\"");
        row.put("page_title", title);
        row.put("contact_email", "editor@gardenblog.com");
        row.put("contact_method", "hunter_io");
        row.put("score", new BigDecimal("72.25"));
        row.put("outreach_status", "pending");
        row.put("last_sent", null);
        row.put("followups_sent", 0);
        row.put("draft_subject", subject);
        row.put("created_at", Timestamp.from(Instant.parse("2025-01-05T10:01:30Z")));
        row.put("campaign", "default");
        row.put("keyword", "garden lights");
        row.put("location", "uk");
        row.put("contact_first_name", null);
        return row;
    }

    @Test
    void hostileValuesRoundTripExactly() throws IOException {
        List<String> hostile = List.of(
                "Lights, lamps & \"lanterns\"",
                "line one\nline two\r\nline three\rend",
                "  leading and trailing spaces  ",
                "Gärten – 庭の照明 – сад 🌙",
                "\"",
                ",",
                "=HYPERLINK(\"http://evil\")",
                "# not a comment",
                "tab\there");
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (String value : hostile) {
            rows.add(row(UUID.randomUUID(), value, value));
        }

        var bytes = new ByteArrayOutputStream();
        assertThat(ProspectCsv.write(rows, bytes)).isEqualTo(hostile.size());
        List<Map<String, String>> back = ProspectCsv.read(
                new InputStreamReader(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8));

        assertThat(back).hasSize(hostile.size());
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(back.get(i).get("page_title")).isEqualTo(hostile.get(i));
            assertThat(back.get(i).get("draft_subject")).isEqualTo(hostile.get(i));
            assertThat(back.get(i).get("page_url")).isEqualTo("https://gardenblog.com/lights?a=1,2&b=\"3\"");
            assertThat(back.get(i).get("id")).isEqualTo(rows.get(i).get("id").toString());
            assertThat(back.get(i).keySet()).containsExactlyElementsOf(ProspectCsv.COLUMNS);
        }
    }

    @Test
    void theOutputIsRfc4180WithAHeaderAndNullsAreEmptyFields() throws IOException {
        UUID id = UUID.fromString("50000000-0000-0000-0000-000000000001");
        var out = new StringWriter();

        ProspectCsv.write(List.of(row(id, "Best \"garden\" lights, 2025", null)), out);

        assertThat(out.toString())
                .isEqualTo(HEADER + "\r\n"
                        + "50000000-0000-0000-0000-000000000001,gardenblog.com,\"https://gardenblog.com/lights?a=1,2&b=\"\"3\"\"\","
                        + "\"Best \"\"garden\"\" lights, 2025\",editor@gardenblog.com,hunter_io,72.25,pending,,0,,"
                        + "2025-01-05T10:01:30Z,default,garden lights,uk,\r\n");

        Map<String, String> back =
                ProspectCsv.read(new StringReader(out.toString())).get(0);
        assertThat(back.get("last_sent")).isNull();
        assertThat(back.get("draft_subject")).isNull();
        assertThat(back.get("followups_sent")).isEqualTo("0");
    }

    @Test
    void valuesAreWrittenInAFormThatDoesNotDependOnTheJvm() throws IOException {
        Map<String, Object> row = row(UUID.randomUUID(), "t", "s");
        row.put("score", new BigDecimal("1E+1"));
        row.put("last_sent", OffsetDateTime.parse("2025-01-07T09:00:00+01:00"));
        var out = new StringWriter();

        ProspectCsv.write(List.of(row), out);

        Map<String, String> back =
                ProspectCsv.read(new StringReader(out.toString())).get(0);
        assertThat(back.get("score")).isEqualTo("10");
        assertThat(back.get("last_sent")).isEqualTo("2025-01-07T08:00:00Z");
    }

    @Test
    void columnLabelsInAnotherCaseAreFoundAndAMissingColumnIsAnError() throws IOException {
        Map<String, Object> upper = new HashMap<>();
        row(UUID.randomUUID(), "t", "s").forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
        ProspectCsv.write(List.of(upper), new StringWriter());

        Map<String, Object> missing = row(UUID.randomUUID(), "t", "s");
        missing.remove("draft_subject");
        assertThatThrownBy(() -> ProspectCsv.write(List.of(missing), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has no column 'draft_subject'");
    }

    @Test
    void anEmptyListIsJustTheHeaderAndAnotherHeaderIsRefused() throws IOException {
        var out = new StringWriter();
        assertThat(ProspectCsv.write(List.of(), out)).isZero();
        assertThat(out.toString()).isEqualTo(HEADER + "\r\n");
        assertThat(ProspectCsv.read(new StringReader(out.toString()))).isEmpty();

        assertThatThrownBy(() -> ProspectCsv.read(new StringReader("id,domain\r\n1,x\r\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a prospects CSV");
    }
}
