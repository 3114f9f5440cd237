package dev.outreachpipeline.console;

import dev.outreachpipeline.config.Masking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operator's secret for the console and {@code /api/v1} (OUTREACH_ADMIN_TOKEN, environment only).
 * A candidate is compared by its SHA-256 digest with {@link MessageDigest#isEqual}, whose time does not
 * depend on where the first differing byte is, and digests are all one length, so neither the content
 * nor the length of the token leaks through how long a refusal takes.
 */
public final class AdminToken {

    /** Shorter tokens are refused at start (ConfigSchema): the console must not be guessable. */
    public static final int MIN_CHARS = 32;

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /** The token, or empty (console and API off) when the setting is empty. */
    public static Optional<AdminToken> of(String configured) {
        return configured == null || configured.isEmpty() ? Optional.empty() : Optional.of(new AdminToken(configured));
    }

    /** The check ConfigSchema runs at start: empty (off) or at least {@link #MIN_CHARS} characters. */
    public static Optional<String> checkToken(String value) {
        return value.isEmpty() || value.length() >= MIN_CHARS
                ? Optional.empty()
                : Optional.of("is " + value.length() + " characters long; it must be at least " + MIN_CHARS
                        + " random characters (e.g. the output of openssl rand -base64 48), or empty to keep the"
                        + " console and the API off");
    }

    /** Is {@code candidate} the token? Null is never. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[" + Masking.MASK + "]";
    }
}
