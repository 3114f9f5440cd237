package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a suppression list file line by line: what is added, and why a line is refused. */
class SuppressionFileTest {

    private static List<SuppressionFile.Line> read(String text) {
        return SuppressionFile.read(text.getBytes(StandardCharsets.UTF_8), "imported from list.csv");
    }

    private static String added(SuppressionFile.Line line) {
        return line.number() + " " + line.entry().value() + " " + line.reason().reason()
                + (line.reason().note() == null ? "" : " [" + line.reason().note() + "]") + " " + line.source();
    }

    @Test
    void aFileWithoutAHeaderIsDataFromItsFirstLine() {
        var lines = read("ann@example.com\nblocked.org,bounced,old system\n");

        assertThat(lines)
                .extracting(SuppressionFileTest::added)
                .containsExactly("1 ann@example.com manual imported from list.csv", "2 blocked.org bounced old system");
    }

    @Test
    void aHeaderIsFoundByItsColumnNamesInAnyOrder() {
        var lines = read("\uFEFFsource,Email,notes,reason\r\nCRM,ann@example.com,x,unsubscribed\r\n");

        assertThat(lines).extracting(SuppressionFileTest::added).containsExactly("2 ann@example.com unsubscribed CRM");
    }

    @Test
    void shortRowsTakeTheDefaultsInsteadOfFailing() {
        var lines = read("entry,reason,source\nann@example.com\nbob@example.com,\n");

        assertThat(lines)
                .extracting(SuppressionFileTest::added)
                .containsExactly(
                        "2 ann@example.com manual imported from list.csv",
                        "3 bob@example.com manual imported from list.csv");
    }

    @Test
    void aReasonInWordsIsKeptAsTheNoteWithItsControlCharactersStrippedAndTheSourceUntouched() {
        var lines = read(
                "email,reason,source\nann@example.com,Asked us by phone\u001B[2J,CRM\nbob@example.com,COMPLAINED,\n");

        assertThat(lines)
                .extracting(SuppressionFileTest::added)
                .containsExactly(
                        "2 ann@example.com manual [Asked us by phone [2J] CRM",
                        "3 bob@example.com complained imported from list.csv");
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndReasonAndTheOthersStillCount() {
        byte[] latin1 = "caf\u00e9.example\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = "email,reason\nann@example.com,bounced\n\"unbalanced@example.com,manual\nnonsense\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"quoted\"trailing.example,manual\nlast.example\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + latin1.length + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(latin1, 0, content, head.length, latin1.length);
        System.arraycopy(tail, 0, content, head.length + latin1.length, tail.length);

        var lines = SuppressionFile.read(content, "file");

        assertThat(lines)
                .filteredOn(l -> !l.refused())
                .extracting(l -> l.number() + " " + l.entry().value())
                .containsExactly("2 ann@example.com", "7 last.example");
        assertThat(lines)
                .filteredOn(SuppressionFile.Line::refused)
                .extracting(l -> l.number() + ": " + l.refusal())
                .containsExactly(
                        "3: a quote is opened and never closed (write a quote inside a quoted field as \"\")",
                        "4: 'nonsense' is neither an email address nor a domain",
                        "5: it is not valid UTF-8 (save the file as UTF-8)",
                        "6: it is not valid CSV: a quoted field must be followed by a comma or the end of the line");
    }

    @Test
    void cellsAnExportNeutralisedForSpreadsheetsAreRestored() {
        var lines = read("entry,reason,source\nann@example.com,manual,'=cmd|calc\n'-bob@example.com,manual,x\n");

        assertThat(lines.get(0).source()).isEqualTo("=cmd|calc");
        assertThat(lines.get(1).entry().value()).isEqualTo("-bob@example.com");
    }

    @Test
    void anUnreadableFirstLineSaysWhatAHeaderLooksLike() {
        var lines = read("address,why\nann@example.com\n");

        assertThat(lines.get(0).refusal()).contains("'address' is neither").contains("a header row names its columns");
        assertThat(lines.get(1).entry().value()).isEqualTo("ann@example.com");
    }

    @Test
    void aNoteColumnIsReadAndFollowsWordsGivenAsTheReason() {
        var lines = read("entry,reason,note,source\nann@example.com,bounced,old bounce,CRM\n"
                + "bob@example.com,Asked by phone,called twice,CRM\ncid@example.com,,,\n");

        assertThat(lines)
                .extracting(SuppressionFileTest::added)
                .containsExactly(
                        "2 ann@example.com bounced [old bounce] CRM",
                        "3 bob@example.com manual [Asked by phone; called twice] CRM",
                        "4 cid@example.com manual imported from list.csv");
    }

    @Test
    void aNoteLongerThanTheColumnHoldsRefusesThatLineOnly() {
        var lines = read(
                "entry,reason\nann@example.com," + "x".repeat(501) + "\nbob@example.com," + "y".repeat(500) + "\n");

        assertThat(lines.get(0).refusal()).isEqualTo("the note is 501 characters long; at most 500 are kept");
        assertThat(lines.get(1).reason().note()).hasSize(500);
    }
}
