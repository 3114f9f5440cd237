package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.GateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drafting stage gives a draft without HTML of its own an HTML part made from its text, when HTML
 * drafts are on, before the gates; an HTML template's part is kept.
 */
class DraftStageHtmlTest {

    private static final DraftGates GATES =
            DraftGates.of(new GateSettings(100, 3000, GateSettings.list("act now"), "http://localhost:8080", "en"));

    @TempDir
    Path tmp;

    private static DraftStage stage(boolean html) {
        return new DraftStage(
                new DraftRenderer(DraftTemplates.builtIn(), html),
                new DraftSettings("config/templates", html, "Sam Sender", true, "Sam Sender\nGuest writer"),
                new Stage.Readiness("drafting", List.of()),
                GATES);
    }

    private static Map<String, Object> prospect() {
        var p = new HashMap<String, Object>();
        p.put("contact_name", "Ana");
        p.put("contact_email", "ana@greenthumb.example");
        p.put("domain", "greenthumb.example");
        p.put("page_title", "Ten shade plants | Green Thumb");
        p.put("page_url", "https://greenthumb.example/shade");
        p.put("keyword", "shade plants");
        return p;
    }

    @Test
    void withHtmlDraftsOnTheHtmlPartIsMadeFromTheText() {
        Map<String, Object> drafted = stage(true).render(prospect(), null);

        assertThat(drafted).containsEntry("outcome", "drafted");
        assertThat(drafted.get("htmlBody")).isEqualTo(HtmlFromText.html((String) drafted.get("textBody")));
        assertThat((String) drafted.get("htmlBody"))
                .contains("<a href=\"https://greenthumb.example/shade\">https://greenthumb.example/shade</a>")
                .contains("Sam Sender<br>\nGuest writer</p>");
    }

    @Test
    void withHtmlDraftsOffThereIsNoHtmlPart() {
        assertThat(stage(false).render(prospect(), null)).containsEntry("htmlBody", null);
    }

    @Test
    void anHtmlTemplatesOwnPartIsKept() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("acme"));
        Files.writeString(dir.resolve("body.html.ftl"), "<p>${greeting} from acme's own HTML</p>");
        Map<String, Object> p = prospect();
        p.put("campaign_name", "acme");
        p.put("campaign_templates_dir", dir.toString());

        Map<String, Object> drafted = stage(true).render(p, null);

        assertThat(drafted).containsEntry("htmlBody", "<p>Hi Ana, from acme's own HTML</p>");
    }
}
