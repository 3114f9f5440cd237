package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A setting is defined in ConfigSchema and config/application.properties, and documented by the page
 * generated from them, docs/configuration.md. These tests fail when the two definitions disagree or
 * the committed page is not what they produce now; {@code -Dregenerate=true} rewrites the page.
 */
class ConfigurationReferenceTest {

    private static ConfigurationReference.PropertiesFile shipped() throws IOException {
        return ConfigurationReference.parse(Files.readString(ConfigurationReference.PROPERTIES));
    }

    @Test
    void everySchemaSettingHasADefaultAndACommentInThePropertiesFileAndNoOtherKeyIsThere() throws IOException {
        assertThat(ConfigurationReference.problems(shipped()))
                .as(
                        "ConfigSchema and %s must list the same outreach.* settings, each with a comment",
                        ConfigurationReference.PROPERTIES)
                .isEmpty();
    }

    @Test
    void theCommittedReferenceIsWhatTheGeneratorWritesNow() throws IOException {
        String generated = ConfigurationReference.render(shipped());
        if (Boolean.getBoolean("regenerate")) {
            Files.createDirectories(ConfigurationReference.DOCUMENT.getParent());
            Files.writeString(ConfigurationReference.DOCUMENT, generated);
        }
        String committed =
                Files.exists(ConfigurationReference.DOCUMENT) ? Files.readString(ConfigurationReference.DOCUMENT) : "";
        assertThat(committed)
                .as(
                        "%s is out of date with ConfigSchema and %s; regenerate it with:%n  %s%n",
                        ConfigurationReference.DOCUMENT,
                        ConfigurationReference.PROPERTIES,
                        ConfigurationReference.REGENERATE_COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void theReferenceStatesRangesValuesStagesEnvironmentNamesAndSecretsAsTheSchemaDefinesThem() throws IOException {
        String page = ConfigurationReference.render(shipped());

        assertThat(page).contains("| `outreach.database.pool-size` | `OUTREACH_DATABASE_POOL_SIZE` | `10` | 2–200 |");
        assertThat(page)
                .contains("| `outreach.dataforseo.mode` | `OUTREACH_DATAFORSEO_MODE` | `live` | `live`, `standard` |");
        assertThat(page).contains("| `outreach.send.spacing` | `OUTREACH_SEND_SPACING` | `90s` | 0s–1d |");
        assertThat(page)
                .contains(
                        "| `outreach.hunter.api-key` | `HUNTER_API_KEY` (or `HUNTER_IO_API_KEY`, `OUTREACH_HUNTER_API_KEY`) | empty"
                                + " | needed for enrichment; **secret**: environment only, masked |");
        assertThat(page)
                .contains(
                        "| `outreach.smtp.password` | `SMTP_PASSWORD` (or `OUTREACH_SMTP_PASSWORD`) | empty"
                                + " | needed for sending when `outreach.smtp.username` is set; **secret**: environment only, masked |");
        assertThat(page)
                .contains("| `outreach.database.url` | `DATABASE_URL` (or `OUTREACH_DATABASE_URL`) | empty"
                        + " | masked (may hold a password) |");
    }

    @Test
    void aKeyWithoutItsOwnCommentOrMissingFromEitherSideIsReported() {
        var file = ConfigurationReference.parse("""
                # Opening words.

                # --- Database ---
                # A note on the whole section.

                # Schema that holds the tables.
                outreach.database.schema = public
                outreach.database.pool-size = 10
                # Not a setting the program knows.
                outreach.database.typo = 1
                """);

        assertThat(file.introduction()).containsExactly("Opening words.");
        assertThat(file.sections()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Database");
            assertThat(s.notes()).containsExactly("A note on the whole section.");
            assertThat(s.entries())
                    .extracting(ConfigurationReference.Entry::key)
                    .containsExactly(
                            "outreach.database.schema", "outreach.database.pool-size", "outreach.database.typo");
        });
        assertThat(ConfigurationReference.problems(file))
                .contains(
                        "outreach.database.pool-size has no comment of its own directly above it in "
                                + ConfigurationReference.PROPERTIES
                                + " (the reference takes its description from there)",
                        "outreach.database.typo is in " + ConfigurationReference.PROPERTIES
                                + " but not in ConfigSchema (add it there with its check)",
                        "outreach.database.url is in ConfigSchema but not in " + ConfigurationReference.PROPERTIES
                                + " (add it there with its default and a comment)")
                .noneMatch(p -> p.startsWith("outreach.database.schema"));
    }
}
