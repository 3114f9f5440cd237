package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The file {@code prospects edit} hands to an editor, written and read back. */
class DraftFileTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aFileLeftAsItWasReadsBackAsTheDraftAndItsCommentsAreLeftOut() {
        String file = DraftFile.write(ID, "garden.example", "A pitch", "Hello,\n\n# not a comment here\nBye");

        DraftFile.Read read = DraftFile.read(file);

        assertThat(file).startsWith("# The draft of prospect " + ID + " (garden.example).");
        assertThat(read.problem()).isNull();
        assertThat(read.subject()).isEqualTo("A pitch");
        // a body line starting with # is the body's, and the editor's final line break is kept as typed
        assertThat(read.body()).isEqualTo("Hello,\n\n# not a comment here\nBye\n");
    }

    @Test
    void windowsLineEndingsAndAnyCaseOfSubjectAreRead() {
        DraftFile.Read read = DraftFile.read("# x\r\nSUBJECT:New one \r\n\r\nBody\r\n");

        assertThat(read.subject()).isEqualTo("New one");
        assertThat(read.body()).isEqualTo("Body\n");
    }

    @Test
    void aSecondSubjectLineOrAMissingSubjectIsNamedByItsLine() {
        assertThat(DraftFile.read("# x\nSubject: one\ntwo\n\nBody").problem())
                .isEqualTo("line 3 should be blank: a subject is one line, and the body starts after the blank line"
                        + " below it");
        assertThat(DraftFile.read("# x\n\nHello\u001b[2J\n").problem())
                .isEqualTo("line 3 should be the subject, \"Subject: ...\", and is \"Hello\\x1B[2J\"");
    }

    @Test
    void anEmptiedFileIsACancelledEdit() {
        assertThat(DraftFile.read("# only comments\n\n").empty()).isTrue();
        assertThat(DraftFile.read("").empty()).isTrue();
    }
}
