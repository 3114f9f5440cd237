package dev.outreachpipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.console.AdminToken;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's console token: made up for each run and printed, or the user's own and never printed. */
class SandboxConsoleTest {

    private static final String USERS = "the-users-own-admin-token-0123456789abcdef";

    @Test
    void withoutAnAdminTokenInTheEnvironmentEachRunMakesUpALongRandomOneAndPrintsItWithTheAddress() {
        var first = SandboxConsole.forEnvironment(Map.of(), new SecureRandom());
        var second = SandboxConsole.forEnvironment(Map.of(), new SecureRandom());

        String token = first.generatedToken().orElseThrow();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.length()).isGreaterThanOrEqualTo(AdminToken.MIN_CHARS);
        assertThat(AdminToken.checkToken(token)).isEmpty();
        assertThat(second.generatedToken()).isPresent().get().isNotEqualTo(token);
        assertThat(first.line(41234))
                .isEqualTo("The console: http://127.0.0.1:41234/ (admin token for this run: " + token + ")");
        assertThat(first.toString()).doesNotContain(token);
    }

    @Test
    void theUsersOutreachAdminTokenIsKeptAndNeverPrinted() {
        var console = SandboxConsole.forEnvironment(Map.of("OUTREACH_ADMIN_TOKEN", USERS), new SecureRandom());

        assertThat(console.generatedToken()).isEmpty();
        assertThat(console.line(41234))
                .isEqualTo("The console: http://127.0.0.1:41234/ (log in with the OUTREACH_ADMIN_TOKEN of your"
                        + " environment)")
                .doesNotContain(USERS);
        assertThat(console.toString()).doesNotContain(USERS);
    }

    @Test
    void theSandboxsConfigurationCarriesTheMadeUpTokenOrTheUsersOwn() {
        var endpoints = new SandboxConfig.Endpoints("http://127.0.0.1:1", "http://127.0.0.1:2", "127.0.0.1", 25);
        Path workDir = Path.of("target");
        var made = SandboxConsole.forEnvironment(Map.of(), new SecureRandom());

        assertThat(SandboxConfig.load(null, Map.of(), workDir, endpoints, made.generatedToken())
                        .get(SandboxConsole.TOKEN_SETTING))
                .isEqualTo(made.generatedToken().orElseThrow());
        assertThat(SandboxConfig.load(
                                null,
                                Map.of("OUTREACH_ADMIN_TOKEN", USERS),
                                workDir,
                                endpoints,
                                java.util.Optional.empty())
                        .get(SandboxConsole.TOKEN_SETTING))
                .isEqualTo(USERS);
        assertThat(SandboxConfig.load(null, Map.of(), workDir, endpoints, made.generatedToken())
                        .get("outreach.management.bind"))
                .as("the console on loopback only")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theSandboxsDraftsWaitForApprovalSoAKeptConsolesDiscoveriesReachTheReviewQueue() {
        var endpoints = new SandboxConfig.Endpoints("http://127.0.0.1:1", "http://127.0.0.1:2", "127.0.0.1", 25);

        assertThat(SandboxConfig.load(null, Map.of(), Path.of("target"), endpoints, java.util.Optional.empty())
                        .getBoolean("outreach.send.require-approval"))
                .isTrue();
    }
}
