package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's pitch without a database: its templates directory wins over the global templates
 * file by file, through the one shared engine; campaignName, targetSite and targetDomain reach
 * every template; a missing directory or a broken campaign template is a sentence naming the file;
 * and {@link CampaignTemplatesCheck} refuses what would fail every draft.
 */
class CampaignTemplatesTest {

    @TempDir
    Path tmp;

    private static final DraftContext PROSPECT = new DraftContext(
            "Ana",
            "ana@gardenblog.com",
            "gardenblog.com",
            "Best garden lights",
            "https://gardenblog.com/lights",
            "garden lights",
            "usa",
            "Sam Writer");

    /** One engine for every campaign, as the daemon has. */
    private final TemplateEngine engine = new TemplateEngine(DraftTemplates.builtIn());

    private final DraftRenderer drafts = new DraftRenderer(engine, true);
    private final FollowupRenderer followups = new FollowupRenderer(engine, "Sam Writer");

    private Path dir(String name, Map<String, String> files) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        for (var f : files.entrySet()) {
            Files.writeString(d.resolve(f.getKey()), f.getValue());
        }
        return d;
    }

    @Test
    void twoCampaignsDraftWithTheirOwnTemplatesAndVariablesAndAMissingFileIsTheGlobalOne() throws IOException {
        Path acme = dir(
                "acme",
                Map.of(
                        "subject.ftl", "For ${domain}: ${campaignName} pitch",
                        "body.txt.ftl", "${greeting} Acme wants a link to ${targetDomain} (${targetSite}).\n"));
        Path bolt = dir("bolt", Map.of("subject.ftl", "Bolt idea for ${domain} from ${targetDomain}"));

        Draft a = drafts.render(
                PROSPECT,
                new CampaignPitch("acme", "https://www.Acme-Shop.example/garden", acme.toString()),
                Optional.empty());
        Draft b = drafts.render(
                PROSPECT, new CampaignPitch("bolt", "http://bolt.example", bolt.toString()), Optional.empty());

        assertThat(a.subject()).isEqualTo("For gardenblog.com: acme pitch");
        assertThat(a.textBody())
                .isEqualTo("Hi Ana, Acme wants a link to acme-shop.example (https://www.Acme-Shop.example/garden).\n");
        // acme has no body.html.ftl, nor is one shipped: none is rendered (the stage makes it from the text)
        assertThat(a.htmlBody()).isNull();
        assertThat(b.subject()).isEqualTo("Bolt idea for gardenblog.com from bolt.example");
        // bolt has only a subject: the global bodies, asking for a link to bolt's site
        assertThat(b.textBody()).contains("ask only for one link to bolt.example in it.");
        assertThat(b.htmlBody()).isNull();
    }

    @Test
    void withoutASiteTheDefaultTemplatesAskForOneLinkBackToOurSite() {
        Draft d = drafts.render(PROSPECT, new CampaignPitch("default", null, null), Optional.empty());
        Draft none = drafts.render(PROSPECT, Optional.empty());

        assertThat(d.textBody()).contains("ask only for one link back to our site in it.");
        assertThat(d.withHtmlFromText().htmlBody()).contains("ask only for one link back to our site in it.");
        assertThat(d).isEqualTo(none);
        assertThat(followups.render(1, "Ana", "gardenblog.com", new CampaignPitch("default", null, null)))
                .contains("an original article for your readers. A short yes or no is plenty.\n");
    }

    @Test
    void aFollowUpUsesTheCampaignsTemplateAndItsVariables() throws IOException {
        Path acme = dir("acme", Map.of(FollowupRenderer.TEMPLATE, "${greeting} step ${step} for ${targetDomain}"));

        String own = followups.render(
                1,
                Map.of(
                        "contact_name", "Ana",
                        "domain", "gardenblog.com",
                        "campaign_name", "acme",
                        "campaign_site_url", "https://acme.example",
                        "campaign_templates_dir", acme.toString()));
        String global =
                followups.render(1, "Ana", "gardenblog.com", new CampaignPitch("bolt", "https://bolt.example", null));

        assertThat(own).isEqualTo("Hi Ana, step 1 for acme.example\n");
        assertThat(global)
                .contains("I am writing again about a guest post for gardenblog.com")
                .contains("asking only for a link to bolt.example in return.");
    }

    @Test
    void anEditedOrAddedCampaignTemplateIsUsedAtTheNextDraft() throws IOException {
        Path acme = dir("acme", Map.of("subject.ftl", "Old subject"));
        var pitch = new CampaignPitch("acme", null, acme.toString());
        assertThat(drafts.render(PROSPECT, pitch, Optional.empty()).subject()).isEqualTo("Old subject");
        assertThat(drafts.render(PROSPECT, pitch, Optional.empty()).textBody())
                .contains("I just read \"Best garden lights\"");

        Files.writeString(acme.resolve("subject.ftl"), "New subject");
        Files.writeString(acme.resolve("body.txt.ftl"), "New body");
        // a later modification time, as an edit a moment later has (some file systems keep whole seconds)
        Files.setLastModifiedTime(
                acme.resolve("subject.ftl"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));

        Draft after = drafts.render(PROSPECT, pitch, Optional.empty());
        assertThat(after.subject()).isEqualTo("New subject");
        assertThat(after.textBody()).isEqualTo("New body");
    }

    @Test
    void aCampaignFileWinsOverTheSettingsRowWhichWinsOverTheGlobalFile() throws IOException {
        Path acme = dir("acme", Map.of("subject.ftl", "Acme subject"));
        String setting = "{\"subject\": \"Setting subject\", \"text\": \"Setting body for ${domain}\"}";

        Draft d = drafts.render(PROSPECT, new CampaignPitch("acme", null, acme.toString()), Optional.of(setting));

        assertThat(d.subject()).isEqualTo("Acme subject");
        assertThat(d.textBody()).isEqualTo("Setting body for gardenblog.com");
    }

    @Test
    void aMissingDirectoryOrABrokenCampaignTemplateFailsWithASentenceNamingIt() throws IOException {
        Path gone = tmp.resolve("gone");
        assertThatThrownBy(() ->
                        drafts.render(PROSPECT, new CampaignPitch("acme", null, gone.toString()), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessage("the templates directory " + gone + " of campaign 'acme' does not exist or is not a"
                        + " directory; restore it, or change it with `outreach campaign update acme --templates DIR`"
                        + " (--templates \"\" for the global templates)");

        Path broken = dir("broken", Map.of("body.txt.ftl", "Hello\n<#if domain>unclosed"));
        assertThatThrownBy(() ->
                        drafts.render(PROSPECT, new CampaignPitch("bolt", null, broken.toString()), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageStartingWith("template body.txt.ftl of campaign 'bolt' (" + broken.resolve("body.txt.ftl")
                        + ") has a syntax error at line 2");

        Path bare = dir("bare", Map.of("subject.ftl", "A link to ${targetDomain}"));
        assertThatThrownBy(() ->
                        drafts.render(PROSPECT, new CampaignPitch("plain", null, bare.toString()), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("template subject.ftl of campaign 'plain' (" + bare.resolve("subject.ftl") + ")")
                .hasMessageContaining("the variable 'targetDomain' is empty because campaign 'plain' has no site")
                .hasMessageContaining("`outreach campaign update plain --site URL`");
    }

    @Test
    void aCampaignTemplateIsRestrictedLikeEveryOther() throws IOException {
        Path marker = tmp.resolve("ran");
        Path evil = dir(
                "evil",
                Map.of(
                        "subject.ftl",
                        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}"));

        assertThatThrownBy(() ->
                        drafts.render(PROSPECT, new CampaignPitch("evil", null, evil.toString()), Optional.empty()))
                .isInstanceOf(DraftFailed.class)
                .hasMessageContaining("template subject.ftl of campaign 'evil'");
        assertThat(marker).doesNotExist();
    }

    @Test
    void targetDomainIsTheSitesHostWithoutWww() {
        assertThat(new CampaignPitch("a", "https://WWW.Example.com:8443/x?y", null).targetDomain())
                .isEqualTo("example.com");
        assertThat(new CampaignPitch("a", "https://shop.example.com", null).targetDomain())
                .isEqualTo("shop.example.com");
        assertThat(new CampaignPitch("a", null, null).targetDomain()).isNull();
        assertThat(new CampaignPitch("a", "javascript://x.example/%0aalert(1)", null).targetDomain())
                .isNull();
    }

    @Test
    void theCheckRefusesAMissingDirectoryOneWithoutTemplatesAndTemplatesThatWouldNotRender() throws IOException {
        DraftTemplates global = DraftTemplates.builtIn();
        Path gone = tmp.resolve("gone");
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, gone.toString()), global))
                .containsExactly("The templates directory " + gone + " does not exist or is not a directory.");

        Path empty = dir("empty", Map.of("notes.txt", "nothing"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, empty.toString()), global))
                .singleElement()
                .asString()
                .contains("holds none of the templates (subject.ftl, body.txt.ftl, body.html.ftl, followup.txt.ftl)");

        Path broken = dir("broken", Map.of("followup.txt.ftl", "${greeting"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, broken.toString()), global))
                .singleElement()
                .asString()
                .startsWith("The campaign's templates do not render: the follow-up template followup.txt.ftl of"
                        + " campaign 'acme' (" + broken.resolve("followup.txt.ftl") + ") has a syntax error at line 1");

        Path unescaped = dir("unescaped", Map.of("body.html.ftl", "<#ftl output_format=\"plainText\">${domain}"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, unescaped.toString()), global))
                .singleElement()
                .asString()
                .contains("turns off HTML escaping");

        // no body.html.ftl anywhere (none is shipped) is fine: the HTML part is then made from the text
        Path textOnly = dir("text-only", Map.of("body.txt.ftl", "${greeting}\n\nOne paragraph.\n"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, textOnly.toString()), global))
                .isEmpty();

        Path siteless = dir("siteless", Map.of("subject.ftl", "Link to ${targetDomain}"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, siteless.toString()), global))
                .singleElement()
                .asString()
                .contains("the variable 'targetDomain' is empty because campaign 'acme' has no site");
        assertThat(CampaignTemplatesCheck.problems(
                        new CampaignPitch("acme", "https://acme.example", siteless.toString()), global))
                .isEmpty();
    }

    @Test
    void theCheckKnowsEveryDraftVariableAndStillRefusesAnUnknownName() throws IOException {
        DraftTemplates global = DraftTemplates.builtIn();
        String every = DraftContext.VARIABLES.stream()
                .map(v -> "${" + v + "}")
                .collect(java.util.stream.Collectors.joining(" "));
        Path all = dir("all", Map.of("body.txt.ftl", every + "\n", "subject.ftl", "${siteName}: ${pageTitle}"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, all.toString()), global))
                .isEmpty();

        Path unknown = dir("unknown", Map.of("body.txt.ftl", "${pageTitel}\n"));
        assertThat(CampaignTemplatesCheck.problems(new CampaignPitch("acme", null, unknown.toString()), global))
                .singleElement()
                .asString()
                .contains("unknown variable 'pageTitel'")
                .contains("siteName")
                .contains("senderSignature");
    }
}
