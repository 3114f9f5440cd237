package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftRendererTest {

    private static final DraftRenderer TEXT_ONLY = new DraftRenderer(DraftTemplates.builtIn(), false);
    private static final DraftRenderer WITH_HTML = new DraftRenderer(DraftTemplates.builtIn(), true);

    @TempDir
    Path dir;

    private static DraftContext prospect() {
        return new DraftContext(
                "Ana",
                "ana@gardenblog.com",
                "gardenblog.com",
                "Best garden lights",
                "https://gardenblog.com/lights",
                "garden lights",
                "usa",
                "Sam Writer");
    }

    private static DraftContext withTitle(String title) {
        var p = prospect();
        return new DraftContext(
                p.firstName(),
                p.contactEmail(),
                p.domain(),
                title,
                p.pageUrl(),
                p.keyword(),
                p.location(),
                p.senderName());
    }

    private static Optional<String> override(String json) {
        return Optional.of(json);
    }

    @Test
    void theShippedTemplatesDraftAFriendlyHonestFirstContact() {
        Draft draft = WITH_HTML.render(prospect(), Optional.empty());

        assertThat(draft.subject()).isEqualTo("A guest post idea for gardenblog.com");
        assertThat(draft.textBody())
                .startsWith("Hi Ana,\n\n")
                .contains("\"Best garden lights\" (https://gardenblog.com/lights)")
                .contains("reading about garden lights")
                .contains("Sam Writer")
                // where the address was found is said once, in the footer the send stage adds
                .doesNotContain("Where I found your address")
                .doesNotContain("\r")
                .doesNotContain("<#")
                .doesNotContain("${");
        assertThat(draft.htmlBody())
                .contains("<p>Hi Ana,</p>")
                .contains("Best garden lights")
                .contains("Sam Writer")
                .doesNotContain("Where I found your address")
                .doesNotContain("${");
    }

    @Test
    void withoutAFirstNameTheGreetingFallsBack() {
        for (String none : new String[] {null, "", "  \t\n"}) {
            var p = prospect();
            var context = new DraftContext(
                    none,
                    p.contactEmail(),
                    p.domain(),
                    p.pageTitle(),
                    p.pageUrl(),
                    p.keyword(),
                    p.location(),
                    p.senderName());
            assertThat(context.greeting()).isEqualTo("Hi there,");
            assertThat(TEXT_ONLY.render(context, Optional.empty()).textBody()).startsWith("Hi there,\n\n");
        }
    }

    @Test
    void missingOptionalValuesFallBackInTheShippedTemplates() {
        var context =
                new DraftContext(null, "info@gardenblog.com", "gardenblog.com", null, null, null, null, "Sam Writer");

        Draft draft = WITH_HTML.render(context, Optional.empty());

        assertThat(draft.textBody())
                .contains("your page \"gardenblog.com\"\n")
                .contains("reading about topics close to ours");
        assertThat(draft.htmlBody()).contains("gardenblog.com");
    }

    @Test
    void lineBreaksInAPageTitleNeverReachTheSubject() {
        String hostile = "Garden\r\nBcc: everyone@example.com\rX-Evil: 1\n\u0000\u2028lights\t ";
        // one line: a template's own lines are subject variants; a value's line breaks never make one
        String json = "{\"subject\": \"Your page ${pageTitle} about ${keyword!''}\"}";

        Draft draft = TEXT_ONLY.render(withTitle(hostile), override(json));

        assertThat(draft.subject())
                .isEqualTo("Your page Garden Bcc: everyone@example.com X-Evil: 1 lights about garden lights")
                .doesNotContain("\r")
                .doesNotContain("\n")
                .doesNotContain("\u0000")
                .doesNotContain("\u2028");
    }

    @Test
    void sanitiseHeaderReplacesControlCharactersAndCollapsesWhitespace() {
        assertThat(DraftRenderer.sanitiseHeader("  a\r\n\r\nb\u0007c \u0085 d\u00A0\u00A0e  "))
                .isEqualTo("a b c d e");
        assertThat(DraftRenderer.sanitiseHeader(null)).isEmpty();
        assertThat(DraftRenderer.sanitiseHeader("\r\n\t ")).isEmpty();
    }

    @Test
    void aScriptInATitleIsEscapedInHtmlAndLeftAsItIsInText() {
        Draft draft = WITH_HTML.render(withTitle("<script>alert(1)</script> & \"more\""), Optional.empty());

        assertThat(draft.htmlBody())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;")
                .doesNotContain("<script>");
        assertThat(draft.textBody()).contains("\"<script>alert(1)</script> & \"more\"\"");
    }

    @Test
    void everyValueIsEscapedInAnHtmlOverrideToo() {
        var context = new DraftContext(
                "<b>Ana</b>", "a@x.com", "x.com", "<i>t</i>", "https://x.com/?a=1&b=\"2\"", "<k>", "<l>", "<s>");
        String json =
                "{\"html\": \"<p>${greeting} ${pageTitle} ${pageUrl} ${keyword} ${location} ${senderName} ${contactEmail}</p>\"}";

        Draft draft = WITH_HTML.render(context, override(json));

        assertThat(draft.htmlBody())
                .isEqualTo("<p>Hi &lt;b&gt;Ana&lt;/b&gt;, &lt;i&gt;t&lt;/i&gt;"
                        + " https://x.com/?a=1&amp;b=&quot;2&quot; &lt;k&gt; &lt;l&gt; &lt;s&gt; a@x.com</p>");
    }

    @Test
    void anHtmlTemplateThatTurnsEscapingOffIsRefused() {
        String json = "{\"html\": \"<#ftl output_format='plainText'><p>${pageTitle}</p>\"}";

        assertThatThrownBy(() -> WITH_HTML.render(withTitle("<script>"), override(json)))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("body.html.ftl")
                .hasMessageContaining("turns off HTML escaping");
    }

    @Test
    void htmlIsOnlyRenderedWhenEnabled() {
        assertThat(TEXT_ONLY.render(prospect(), Optional.empty()).htmlBody()).isNull();
    }

    @Test
    void anUnknownVariableFailsTheDraftAndNamesTheVariableAndTemplate() throws IOException {
        Files.writeString(dir.resolve("body.txt.ftl"), "Hi {name},\n\n${greeting}\nWe loved ${pageTitel}.\n");
        var renderer = new DraftRenderer(DraftTemplates.directory(dir), false);

        assertThatThrownBy(() -> renderer.render(prospect(), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("body.txt.ftl")
                .hasMessageContaining("line 4")
                .hasMessageContaining("unknown variable 'pageTitel'")
                .hasMessageContaining("the variables are greeting, firstName,");
    }

    @Test
    void aKnownVariableWithoutAValueAndWithoutADefaultFailsTheDraft() {
        var context = new DraftContext("Ana", "a@x.com", "x.com", null, null, null, null, "Sam");

        assertThatThrownBy(() -> TEXT_ONLY.render(context, override("{\"subject\": \"About ${pageTitle}\"}")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("subject.ftl template from the setting 'email_template'")
                .hasMessageContaining("line 1")
                .hasMessageContaining("'pageTitle' is empty for this prospect")
                .hasMessageContaining("${pageTitle!…}");
    }

    @Test
    void aTemplateFileInTheFolderWinsAndTheOthersComeFromTheJar() throws IOException {
        Files.writeString(dir.resolve("subject.ftl"), "Hello from ${domain}");
        var renderer = new DraftRenderer(DraftTemplates.directory(dir), false);

        Draft draft = renderer.render(prospect(), Optional.empty());

        assertThat(draft.subject()).isEqualTo("Hello from gardenblog.com");
        assertThat(draft.textBody()).startsWith("Hi Ana,");
    }

    @Test
    void aSettingsObjectOverridesSomeTemplatesAndTheFilesGiveTheRest() {
        String json =
                "{\"subject\": \"Quick question, ${firstName!'there'}\", \"text\": \"${greeting}\\r\\nShort one.\\r\\n${senderName}\\r\\n\"}";

        Draft draft = WITH_HTML.render(prospect(), override(json));

        assertThat(draft.subject()).isEqualTo("Quick question, Ana");
        assertThat(draft.textBody()).isEqualTo("Hi Ana,\nShort one.\nSam Writer\n");
        assertThat(draft.htmlBody()).contains("<p>Hi Ana,</p>").contains("Would you be open to a guest post");
    }

    @Test
    void anEmptyOrNullOverrideMeansTheFiles() {
        Draft files = TEXT_ONLY.render(prospect(), Optional.empty());

        assertThat(TEXT_ONLY.render(prospect(), override("null"))).isEqualTo(files);
        assertThat(TEXT_ONLY.render(prospect(), override("{}"))).isEqualTo(files);
        assertThat(TEXT_ONLY.render(prospect(), override("{\"text\": null}"))).isEqualTo(files);
    }

    @Test
    void thePredecessorsPlainStringTemplateIsRefused() {
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("\"Hi {name},\\n  we loved your post\"")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("the setting 'email_template' is a plain string")
                .hasMessageContaining("must be a JSON object of FreeMarker templates")
                .hasMessageContaining("\"subject\"")
                .hasMessageContaining("\"text\"")
                .hasMessageContaining("\"html\"");
    }

    @Test
    void badOverrideSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("{\"body\": \"x\"}")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("unknown field 'body'");
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("{\"text\": 5}")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("field 'text' must be a string");
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("[\"x\"]")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("is a JSON array");
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("{\"text\": ")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override("{\"text\": \"a\", \"text\": \"b\"}")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void aSyntaxErrorInAnOverrideNamesTheLine() {
        String json = "{\"text\": \"${greeting}\\n\\n<#if keyword??>${keyword}\\n\"}";

        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override(json)))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("body.txt.ftl template from the setting 'email_template'")
                .hasMessageContaining("syntax error at line 3");
    }

    @Test
    void anOverrideCannotInstantiateJavaClasses() {
        String json = "{\"text\": \"${'freemarker.template.utility.Execute'?new()('id')}\"}";

        assertThatThrownBy(() -> TEXT_ONLY.render(prospect(), override(json)))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("body.txt.ftl");
    }

    @Test
    void theSubjectIsCutTo998CharactersAtAWordBoundary() {
        String word = "abcdefghi ";
        String title = word.repeat(150);
        Draft draft = TEXT_ONLY.render(withTitle(title), override("{\"subject\": \"${pageTitle}\"}"));

        assertThat(draft.subject()).hasSizeLessThanOrEqualTo(998).endsWith("abcdefghi");
        assertThat(draft.subject()).hasSize(989);

        String unbroken = "x".repeat(1500);
        assertThat(DraftRenderer.sanitiseHeader(unbroken)).hasSize(998);
        assertThat(DraftRenderer.sanitiseHeader("y".repeat(998))).hasSize(998);
        assertThat(DraftRenderer.sanitiseHeader("z".repeat(997) + "\uD83D\uDE00" + "z"))
                .hasSize(997);
    }

    @Test
    void anEmptySubjectIsAnError() {
        assertThatThrownBy(
                        () -> TEXT_ONLY.render(prospect(), override("{\"subject\": \"  \\r\\n <#if false>x</#if>\"}")))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("subject.ftl")
                .hasMessageContaining("empty subject");
    }

    @Test
    void anEmptySenderNameIsAnError() {
        var p = prospect();
        for (String none : new String[] {null, "", "   "}) {
            var context = new DraftContext(
                    p.firstName(),
                    p.contactEmail(),
                    p.domain(),
                    p.pageTitle(),
                    p.pageUrl(),
                    p.keyword(),
                    p.location(),
                    none);
            assertThatThrownBy(() -> TEXT_ONLY.render(context, Optional.empty()))
                    .isInstanceOf(DraftFailed.class)
                    .hasMessage("the sender name is empty: set outreach.sender.name / OUTREACH_SENDER_NAME");
        }
    }

    @Test
    void textBodyLineEndingsAreNormalised() throws IOException {
        Files.writeString(dir.resolve("body.txt.ftl"), "${greeting}\r\n\r\nOne\rTwo\r\n");

        Draft draft = new DraftRenderer(DraftTemplates.directory(dir), false).render(prospect(), Optional.empty());

        assertThat(draft.textBody()).isEqualTo("Hi Ana,\n\nOne\nTwo\n");
    }
}
