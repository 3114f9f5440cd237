package dev.outreachpipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxPathsTest {

    @Test
    void aDirectoryBelowTheCurrentOneIsShownRelativeToIt() {
        assertThat(SandboxRun.shown(Path.of("/srv/app/data/sandbox/mail"), Path.of("/srv/app")))
                .isEqualTo("./data/sandbox/mail");
    }

    @Test
    void aDirectoryElsewhereIsShownWhole() {
        assertThat(SandboxRun.shown(Path.of("/opt/outreach/data/sandbox"), Path.of("/home/me")))
                .isEqualTo("/opt/outreach/data/sandbox");
        assertThat(SandboxRun.banner(Path.of("/opt/outreach"), Path.of("/home/me")))
                .startsWith("This is a sandbox: it never contacts a real provider or mail server.")
                .contains(
                        "its data lives in /opt/outreach/data/sandbox (PostgreSQL in /opt/outreach/data/sandbox/postgres");
    }
}
