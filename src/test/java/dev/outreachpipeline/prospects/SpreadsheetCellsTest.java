package dev.outreachpipeline.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void aCellThatStartsAFormulaGetsALeadingApostrophe() {
        assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(SpreadsheetCells.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCells.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void plainTextIsNeverTouched() {
        for (String plain : new String[] {"Best roses", "a=b", "'quoted'", "'", "", "ed@garden.example"}) {
            assertThat(SpreadsheetCells.neutralise(plain)).isEqualTo(plain);
            assertThat(SpreadsheetCells.restore(plain)).isEqualTo(plain);
        }
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
        assertThat(SpreadsheetCells.restore(null)).isNull();
    }

    @Test
    void restoringGivesBackExactlyWhatWasNeutralisedEvenForApostrophesBeforeAFormula() {
        for (String value :
                new String[] {"=1+1", "'=1+1", "''@x", "-", "'-", "+", "@", "'", "''", "x'=", "\t", "'\r"}) {
            assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(value)))
                    .as(value)
                    .isEqualTo(value);
        }
        assertThat(SpreadsheetCells.neutralise("'=1+1")).isEqualTo("''=1+1");
    }

    @Test
    void theProspectExportNeutralisesByDefaultAndRawWritesTheValueExactly() throws Exception {
        var row = new HashMap<String, Object>();
        for (String column : ProspectCsv.COLUMNS) {
            row.put(column, null);
        }
        row.put("id", UUID.fromString("50000000-0000-0000-0000-000000000001"));
        row.put("domain", "evil.example");
        row.put("page_title", "=HYPERLINK(\"http://evil.example\",\"Click\")");
        row.put("draft_subject", "@SUM(1+1)");
        row.put("score", new BigDecimal("10"));

        var safe = new StringWriter();
        ProspectCsv.write(List.<Map<String, Object>>of(row), safe, false);
        var raw = new StringWriter();
        ProspectCsv.write(List.<Map<String, Object>>of(row), raw, true);

        assertThat(safe.toString())
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",")
                .contains(",'@SUM(1+1),")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain(",@SUM");
        assertThat(raw.toString()).contains(",\"=HYPERLINK(").contains(",@SUM(1+1),");
        Map<String, String> back =
                ProspectCsv.read(new StringReader(safe.toString())).get(0);
        assertThat(back)
                .containsEntry("page_title", "=HYPERLINK(\"http://evil.example\",\"Click\")")
                .containsEntry("draft_subject", "@SUM(1+1)");
    }
}
