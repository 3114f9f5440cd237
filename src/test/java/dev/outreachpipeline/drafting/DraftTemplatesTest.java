package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultFolderIsTheJarsCopyWhenItIsNotOnDisk() {
        assertThat(DraftTemplates.configured("config/templates", dir).name())
                .isEqualTo("the built-in config/templates");
    }

    @Test
    void aFolderOnDiskWins() throws IOException {
        Files.createDirectories(dir.resolve("config/templates"));
        assertThat(DraftTemplates.configured("config/templates", dir).name())
                .startsWith(dir.resolve("config/templates").toString());
        Files.createDirectories(dir.resolve("mine"));
        assertThat(DraftTemplates.configured(dir.resolve("mine").toString(), null)
                        .name())
                .startsWith(dir.resolve("mine").toString());
    }

    @Test
    void aMissingFolderOtherThanTheDefaultIsAConfigurationError() {
        assertThatThrownBy(() -> DraftTemplates.configured("config/templtes", dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'outreach.drafts.templates-dir' names " + dir.resolve("config/templtes"));
    }
}
