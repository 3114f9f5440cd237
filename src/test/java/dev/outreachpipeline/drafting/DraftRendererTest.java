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
    void theShippedTemplatesDraftAFriendlyHonestFirstContactOfParagraphs() {
        Draft draft = WITH_HTML.render(prospect(), Optional.empty());

        assertThat(draft.subject())
                .isIn(
                        "A guest post idea for gardenblog.com",
                        "An article on garden lights for gardenblog.com",
                        "Could I write something for gardenblog.com?");
        assertThat(draft.textBody())
                .startsWith("Hi Ana,\n\n")
                .contains("I just read \"Best garden lights\" on gardenblog.com (https://gardenblog.com/lights)"
                        + " while looking into garden lights, and enjoyed it.\n")
                .contains("Would you be open to a guest post on gardenblog.com?")
                .contains("one link back to our site")
                .endsWith("\n\nThank you,\nSam Writer\n")
                // where the address was found is said once, in the footer the send stage adds
                .doesNotContain("found your address")
                .doesNotContain("\r")
                .doesNotContain("<#")
                .doesNotContain("${");
        // paragraphs are lines of their own, separated by one blank line: the send stage wraps them
        assertThat(draft.textBody().split("\n\n")).hasSize(4);
        assertThat(draft.textBody().split("\n\n")[1]).doesNotContain("\n");
        assertThat(draft.textBody().split("\n\n")[2]).doesNotContain("\n");
        // no HTML template is shipped: the drafting stage makes the HTML part from this text
        assertThat(draft.htmlBody()).isNull();
    }

    @Test
    void theShippedSubjectOffersThreeSubjectsThatEachReadWellWithAndWithoutASiteName() {
        var seen = new java.util.TreeMap<Integer, String>();
        for (int i = 0; seen.size() < 3 && i < 200; i++) {
            Draft titled = TEXT_ONLY.render(
                    new DraftContext(
                            null,
                            "ed@s" + i + ".example",
                            "s" + i + ".example",
                            "Shade plants | Green Thumb",
                            null,
                            null,
                            null,
                            "Sam"),
                    Optional.empty());
            seen.putIfAbsent(titled.subjectVariant(), titled.subject());
        }
        assertThat(seen)
                .containsEntry(0, "A guest post idea for Green Thumb")
                .containsEntry(1, "An article for your readers at Green Thumb")
                .containsEntry(2, "Could I write something for Green Thumb?");
    }

    @Test
    void aSnippetIsQuotedWithoutTheDotsItEndsIn() {
        var p = prospect();
        var context = new DraftContext(
                "Ana",
                p.contactEmail(),
                p.domain(),
                "Best garden lights | Garden Blog",
                p.pageUrl(),
                p.keyword(),
                null,
                "Sam Writer",
                null,
                null,
                "Solar lights that last all night...",
                null,
                "Sam Writer\nGuest writer");

        String text = TEXT_ONLY.render(context, Optional.empty()).textBody();

        assertThat(text)
                .contains("on Garden Blog (https://gardenblog.com/lights) while looking into garden lights."
                        + " \"Solar lights that last all night\" caught my eye, and the page lived up to it.\n")
                .contains("guest post on Garden Blog?")
                .endsWith("Thank you,\nSam Writer\nGuest writer\n");
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
                .contains("I just came across gardenblog.com, and enjoyed it.\n")
                .contains("guest post on gardenblog.com?")
                .doesNotContain("\"\"");
        assertThat(draft.htmlBody()).isNull();
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
        Draft draft = WITH_HTML
                .render(withTitle("<script>alert(1)</script> & \"more\""), Optional.empty())
                .withHtmlFromText();

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
        // no HTML template in the setting nor among the files: none is rendered, the stage makes it from the text
        assertThat(draft.htmlBody()).isNull();
        assertThat(draft.withHtmlFromText().htmlBody()).contains("<p>Hi Ana,<br>\nShort one.<br>\nSam Writer</p>");
    }

    @Test
    void anHtmlTemplateInTheGlobalFolderIsRenderedAsBefore() throws IOException {
        Files.writeString(dir.resolve("body.html.ftl"), "<p>${greeting} from the folder</p>");

        Draft draft = new DraftRenderer(DraftTemplates.directory(dir), true).render(prospect(), Optional.empty());

        assertThat(draft.htmlBody()).isEqualTo("<p>Hi Ana, from the folder</p>");
        assertThat(draft.withHtmlFromText()).isSameAs(draft);
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
