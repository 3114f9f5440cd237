package dev.outreachpipeline.sending;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a one-click unsubscribe link: {@code base64url(prospect id) "." base64url(HMAC-SHA256(secret,
 * prospect id))}, the MAC cut to 16 bytes. RFC 8058's POST carries no cookie and no login, so the
 * token alone must say who is unsubscribing, and nobody without the secret may make one for somebody
 * else (or unsubscribe a whole list by counting ids).
 *
 * <p>Thread-safe.
 */
public final class UnsubscribeTokens {

    /** The shortest secret accepted, in bytes: the same rule as for outreach.unsubscribe.secret. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    /** base64url without padding: 16 bytes are 22 characters. */
    private static final int PART_CHARS = 22;

    private static final int TOKEN_CHARS = PART_CHARS + 1 + PART_CHARS;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @param secret at least {@value #MIN_SECRET_BYTES} bytes; copied */
    public UnsubscribeTokens(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the unsubscribe secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long, is " + (secret == null ? 0 : secret.length));
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The tokens of the secret as configured (outreach.unsubscribe.secret), read as UTF-8. */
    public static UnsubscribeTokens of(String secret) {
        return new UnsubscribeTokens(secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The check of outreach.unsubscribe.secret: empty means not set (for the sending stage to report);
     * a shorter secret is refused when the configuration is loaded, so the daemon and config check agree.
     * The value itself never appears in the answer.
     */
    public static Optional<String> checkSecret(String value) {
        return value.isEmpty() || value.length() >= MIN_SECRET_BYTES
                ? Optional.empty()
                : Optional.of("is " + value.length() + " characters long; it must be at least " + MIN_SECRET_BYTES
                        + " random characters (e.g. the output of openssl rand -base64 48)");
    }

    /** The token for this prospect: 45 URL-safe characters, the same every time for the same secret. */
    public String tokenFor(UUID prospectId) {
        byte[] id = bytes(java.util.Objects.requireNonNull(prospectId, "prospectId"));
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id));
    }

    /**
     * The prospect a token was made for, or empty when the token was not made with this secret: forged,
     * altered, cut short, too long, or not a token at all. Never throws.
     */
    public Optional<UUID> verify(String token) {
        // Length first: nothing unbounded is decoded, and every real token is exactly this long.
        if (token == null || token.length() != TOKEN_CHARS || token.charAt(PART_CHARS) != '.') {
            return Optional.empty();
        }
        byte[] id = decode(token.substring(0, PART_CHARS), ID_BYTES);
        byte[] mac = decode(token.substring(PART_CHARS + 1), MAC_BYTES);
        if (id == null || mac == null) {
            return Optional.empty();
        }
        // Constant time, so the answer's timing tells nothing about how much of a guess was right.
        if (!MessageDigest.isEqual(mac(id), mac)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(id);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }

    /**
     * The bytes of one part, or null. Only the canonical spelling is accepted: base64 leaves spare bits
     * in the last character, and a token whose spare bits differ must not pass for the same token.
     */
    private static byte[] decode(String part, int length) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return bytes.length == length && ENCODER.encodeToString(bytes).equals(part) ? bytes : null;
    }

    private byte[] mac(byte[] id) {
        try {
            // A Mac is not thread-safe; making one per token is cheap next to sending an email.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(id), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(ID_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    @Override
    public String toString() {
        return "UnsubscribeTokens[secret=****]";
    }
}
