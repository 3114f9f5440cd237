package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variables a prospect gives its templates: the signature's fallback and lines, the step. */
class DraftContextTest {

    private static DraftContext withSignature(String signature) {
        return new DraftContext(
                "Ana", "a@x.example", "x.example", null, null, null, null, "Sam", null, null, null, null, signature);
    }

    @Test
    void withoutASignatureTheSenderNameSigns() {
        assertThat(withSignature(null).variables()).containsEntry("senderSignature", "Sam");
        assertThat(withSignature(" \n\t").variables()).containsEntry("senderSignature", "Sam");
    }

    @Test
    void aSignatureKeepsItsLinesButNoControlCharactersOrOuterBlankLines() {
        assertThat(withSignature("\nSam Writer\r\n\tEditor,\u0007Acme \n\nacme.example\n\n")
                        .variables())
                .containsEntry("senderSignature", "Sam Writer\nEditor, Acme\n\nacme.example");
    }

    @Test
    void aFirstDraftIsStepZeroAndHasNoValueItLacks() {
        var vars = withSignature(null).variables();
        assertThat(vars).containsEntry("step", 0).doesNotContainKeys("rank", "snippet", "siteName", "fullName");
    }

    @Test
    void aFollowUpHasTheSignatureToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(FollowupRenderer.TEMPLATE), "${greeting} ${step}\n${senderSignature}\n");
        var engine = new TemplateEngine(DraftTemplates.directory(dir));
        assertThat(new FollowupRenderer(engine, "Sam", "Sam\nEditor").render(1, "Ana", "x.example"))
                .isEqualTo("Hi Ana, 1\nSam\nEditor\n");
        assertThat(new FollowupRenderer(engine, "Sam").render(2, null, "x.example"))
                .isEqualTo("Hi there, 2\nSam\n");
    }
}
