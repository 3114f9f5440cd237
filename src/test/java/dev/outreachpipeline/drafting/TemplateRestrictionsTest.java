package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of template (the subject, the text and HTML bodies and the follow-up, as files, and the
 * settings row's subject, text and html) can print values and nothing more: FreeMarker's
 * {@code Execute} class, which runs an OS command, cannot be instantiated, and the Java API of a
 * value is out of reach. Each case shows the reason a person reads, and that the command never ran.
 */
class TemplateRestrictionsTest {

    @TempDir
    Path dir;

    private Path marker() {
        return dir.resolve("ran");
    }

    /** A template that would create the marker file if it could run a command. */
    private String execute() {
        return "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker() + "\")}";
    }

    private static final String API = "${domain?api.getClass().getName()}";

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

    private Path templates() {
        Path folder = dir.resolve("templates");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return folder;
    }

    private void writeTemplate(String name, String text) throws IOException {
        Files.writeString(templates().resolve(name), text);
    }

    private DraftRenderer drafts() {
        return new DraftRenderer(new TemplateEngine(DraftTemplates.directory(templates())), true);
    }

    private FollowupRenderer followups() {
        return new FollowupRenderer(new TemplateEngine(DraftTemplates.directory(templates())), "Sam Writer");
    }

    @ParameterizedTest
    @ValueSource(strings = {DraftRenderer.SUBJECT_TEMPLATE, DraftRenderer.TEXT_TEMPLATE, DraftRenderer.HTML_TEMPLATE})
    void aDraftTemplateFileCannotRunACommand(String file) throws IOException {
        writeTemplate(file, execute());

        assertThatThrownBy(() -> drafts().render(prospect(), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("template " + file)
                .hasMessageContaining(
                        "Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons");
        assertThat(marker()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {DraftRenderer.SUBJECT_TEMPLATE, DraftRenderer.TEXT_TEMPLATE, DraftRenderer.HTML_TEMPLATE})
    void aDraftTemplateFileCannotReachTheJavaApi(String file) throws IOException {
        writeTemplate(file, API);

        assertThatThrownBy(() -> drafts().render(prospect(), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("template " + file)
                .hasMessageContaining("?api")
                .hasMessageContaining("api_builtin_enabled");
    }

    @Test
    void theFollowUpTemplateCannotRunACommand() throws IOException {
        writeTemplate(FollowupRenderer.TEMPLATE, execute());

        assertThatThrownBy(() -> followups().render(1, "Ana", "gardenblog.com"))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("the follow-up template followup.txt.ftl")
                .hasMessageContaining("line 1")
                .hasMessageContaining(
                        "Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons");
        assertThat(marker()).doesNotExist();
    }

    @Test
    void theFollowUpTemplateCannotReachTheJavaApi() throws IOException {
        writeTemplate(FollowupRenderer.TEMPLATE, API);

        assertThatThrownBy(() -> followups().render(1, "Ana", "gardenblog.com"))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("the follow-up template followup.txt.ftl")
                .hasMessageContaining("api_builtin_enabled");
    }

    @Test
    void theShippedFollowUpStillRenders() {
        String text = new FollowupRenderer(new TemplateEngine(DraftTemplates.builtIn()), "Sam Writer")
                .render(2, "Ana", "gardenblog.com");

        assertThat(text).startsWith("Hi Ana,").contains("gardenblog.com").endsWith("Sam Writer\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "text", "html"})
    void aSettingsRowTemplateCannotRunACommand(String field) {
        String json = "{\"" + field + "\": \"" + execute().replace("\"", "\\\"") + "\"}";

        assertThatThrownBy(() -> drafts().render(prospect(), Optional.of(json)))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("from the setting 'email_template'")
                .hasMessageContaining(
                        "Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons");
        assertThat(marker()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "text", "html"})
    void aSettingsRowTemplateCannotReachTheJavaApi(String field) {
        String json = "{\"" + field + "\": \"" + API + "\"}";

        assertThatThrownBy(() -> drafts().render(prospect(), Optional.of(json)))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("from the setting 'email_template'")
                .hasMessageContaining("api_builtin_enabled");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "new_builtin_class_resolver=\"unrestricted\"",
                "api_builtin_enabled=true",
                "object_wrapper=\"default\""
            })
    void aTemplateCannotLiftTheRestrictionsItself(String setting) throws IOException {
        writeTemplate(FollowupRenderer.TEMPLATE, "<#setting " + setting + ">" + execute());

        assertThatThrownBy(() -> followups().render(1, "Ana", "gardenblog.com"))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("the follow-up template followup.txt.ftl");
        assertThat(marker()).doesNotExist();
    }

    @Test
    void noMethodOfAJavaObjectIsVisibleToATemplate() throws Exception {
        var engine = new TemplateEngine(DraftTemplates.directory(templates()));
        var template = engine.text("probe.txt.ftl", "a test", "${value.getClass().getName()}");

        assertThatThrownBy(() -> template.process(Map.of("value", new java.io.File("/etc/passwd")), new StringWriter()))
                .hasMessageContaining("SimpleObjectWrapper");
    }
}
