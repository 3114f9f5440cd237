package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.config.ConfigSchema;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The console of the sandbox's daemon, on loopback: its admin token is the user's OUTREACH_ADMIN_TOKEN
 * when one is set (then it is never printed), else a new random one for this run only, printed with the
 * console's address so a newcomer can log in and look at what the run did.
 */
final class SandboxConsole {

    static final String TOKEN_SETTING = "outreach.admin.token";
    /** What {@code --keep-console} says after the summary, below {@link #line}, before it waits. */
    static final String KEPT = "The sandbox's daemon, its console, the simulated providers and the mail sink keep"
            + " running; press Ctrl-C to stop them.";

    /** What to try there: the run's drafts were approved, so the review queue is empty until a new discovery. */
    static final String TRY =
            "Try it: submit a discovery on the Jobs page; its drafts wait for you in the Review queue.";

    /** 32 random bytes: 43 characters of URL-safe Base64, above the 32 the daemon requires. */
    private static final int TOKEN_BYTES = 32;

    private final String token;
    private final boolean generated;

    private SandboxConsole(String token, boolean generated) {
        this.token = token;
        this.generated = generated;
    }

    /** The user's admin token from {@code userEnv}, or a fresh one from {@code random}. */
    static SandboxConsole forEnvironment(Map<String, String> userEnv, SecureRandom random) {
        Optional<String> users = ConfigSchema.find(TOKEN_SETTING).orElseThrow().envNames().stream()
                .map(userEnv::get)
                .filter(v -> v != null && !v.isEmpty())
                .findFirst();
        if (users.isPresent()) {
            return new SandboxConsole(users.get(), false);
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return new SandboxConsole(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    /** The token the sandbox sets for its daemon, or empty when the user's own applies. */
    Optional<String> generatedToken() {
        return generated ? Optional.of(token) : Optional.empty();
    }

    /** The line that says where the console is and how to log in. */
    String line(int port) {
        String url = "http://127.0.0.1:" + port + "/";
        return generated
                ? "The console: " + url + " (admin token for this run: " + token + ")"
                : "The console: " + url + " (log in with the OUTREACH_ADMIN_TOKEN of your environment)";
    }

    @Override
    public String toString() {
        return "SandboxConsole[token " + (generated ? "generated" : "from the environment") + "]";
    }
}
