package dev.outreachpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppTest {

    private final Path workDir = Path.of("/home/someone/work");

    @Test
    void theHomeIsTheWorkingDirectoryUnlessOutreachHomeSaysOtherwise() {
        assertThat(App.home(null, null, workDir)).isEqualTo(workDir);
        assertThat(App.home("", " ", workDir)).isEqualTo(workDir);
        assertThat(App.home(null, "/opt/outreach-pipeline", workDir)).isEqualTo(Path.of("/opt/outreach-pipeline"));
    }

    @Test
    void theSystemPropertyWinsOverTheVariableAndRelativeHomesAreTakenFromTheWorkingDirectory() {
        assertThat(App.home("/srv/outreach", "/opt/outreach-pipeline", workDir)).isEqualTo(Path.of("/srv/outreach"));
        assertThat(App.home(null, "../install/./outreach", workDir))
                .isEqualTo(Path.of("/home/someone/install/outreach"));
    }
}
