package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final UnsubscribeTokens TOKENS = UnsubscribeTokens.of("a-secret-of-at-least-thirty-two-characters");
    private static final UnsubscribeTokens OTHER = UnsubscribeTokens.of("another-secret-of-at-least-thirty-two-chars");
    private static final UUID ANA = UUID.fromString("3f2a9c1e-7b44-4d0a-9e55-0c1d2e3f4a5b");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void aTokenNamesItsProspectAndIsUrlSafe() {
        String token = TOKENS.tokenFor(ANA);

        assertThat(token).hasSize(45).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
        assertThat(TOKENS.verify(token)).contains(ANA);
        assertThat(TOKENS.tokenFor(ANA)).as("stable for the same secret").isEqualTo(token);
        assertThat(TOKENS.tokenFor(BEN)).isNotEqualTo(token);
        assertThat(TOKENS.verify(TOKENS.tokenFor(BEN))).contains(BEN);
    }

    @Test
    void aTokenMadeWithAnotherSecretIsRefused() {
        assertThat(TOKENS.verify(OTHER.tokenFor(ANA))).isEmpty();
        assertThat(OTHER.verify(TOKENS.tokenFor(ANA))).isEmpty();
    }

    @Test
    void anotherProspectsIdWithThisMacIsRefused() {
        String ana = TOKENS.tokenFor(ANA);
        String ben = TOKENS.tokenFor(BEN);
        String swapped = ben.substring(0, 22) + ana.substring(22);

        assertThat(TOKENS.verify(swapped)).isEmpty();
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String token = TOKENS.tokenFor(ANA);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            if (i == 22) {
                continue;
            }
            for (char c : new char[] {
                alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % 64),
                alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 33) % 64)
            }) {
                String altered = token.substring(0, i) + c + token.substring(i + 1);
                assertThat(TOKENS.verify(altered))
                        .as("changed at %d: %s", i, altered)
                        .isEmpty();
            }
        }
    }

    @Test
    void aForgedMacForAKnownIdIsRefused() {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        String zeros = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

        assertThat(TOKENS.verify(id + "." + zeros)).isEmpty();
        // the id alone, as an old-style link would carry it
        assertThat(TOKENS.verify(ANA.toString())).isEmpty();
    }

    @Test
    void malformedTruncatedAndOverlongTokensAreRefusedWithoutThrowing() {
        String token = TOKENS.tokenFor(ANA);

        assertThat(TOKENS.verify(null)).isEmpty();
        assertThat(TOKENS.verify("")).isEmpty();
        assertThat(TOKENS.verify(".")).isEmpty();
        assertThat(TOKENS.verify(token.substring(0, 44))).isEmpty();
        assertThat(TOKENS.verify(token.substring(0, 23))).isEmpty();
        assertThat(TOKENS.verify(token + "A")).isEmpty();
        assertThat(TOKENS.verify(token + "=")).isEmpty();
        assertThat(TOKENS.verify(token + "\n")).isEmpty();
        assertThat(TOKENS.verify(token.replace('.', '-'))).isEmpty();
        assertThat(TOKENS.verify(token.substring(0, 22) + "." + token.substring(0, 22)))
                .isEmpty();
        assertThat(TOKENS.verify("x".repeat(100_000))).isEmpty();
        // standard base64 characters instead of URL-safe ones, and padding in place of data
        assertThat(TOKENS.verify(token.replace('-', '+').replace('_', '/').replaceFirst("[A-Za-z0-9]", "+")))
                .isEmpty();
        assertThat(TOKENS.verify(token.substring(0, 20) + "==" + token.substring(22)))
                .isEmpty();
        assertThat(TOKENS.verify("é".repeat(22) + "." + "é".repeat(22))).isEmpty();
    }

    @Test
    void theSpareBitsOfTheLastCharacterMustBeZero() {
        // 16 bytes in 22 base64 characters leave 4 spare bits in the last one, zero when canonical; a
        // token with one of them set decodes to the same bytes, and still may not verify.
        String token = TOKENS.tokenFor(ANA);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(token.charAt(44));
        assertThat(value & 0xF).isZero();
        String sameBytes = token.substring(0, 44) + alphabet.charAt(value | 1);

        assertThat(Base64.getUrlDecoder().decode(sameBytes.substring(23)))
                .as("decodes to the same bytes")
                .isEqualTo(Base64.getUrlDecoder().decode(token.substring(23)));
        assertThat(TOKENS.verify(sameBytes)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new UnsubscribeTokens("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new UnsubscribeTokens(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TOKENS.toString()).doesNotContain("secret-of");
    }

    @Test
    void theSecretIsCopiedSoChangingTheCallersArrayChangesNothing() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        var tokens = new UnsubscribeTokens(secret);
        String before = tokens.tokenFor(ANA);
        secret[0] = 'X';

        assertThat(tokens.tokenFor(ANA)).isEqualTo(before);
    }
}
