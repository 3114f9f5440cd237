package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The admin token's checks and comparison, and the per-address count of wrong ones. */
class AdminTokenTest {

    private static final String TOKEN = "0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void onlyTheTokenItselfMatchesAndItNeverShowsItself() {
        AdminToken token = AdminToken.of(TOKEN).orElseThrow();
        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(TOKEN + " ")).isFalse();
        assertThat(token.matches(TOKEN.substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain(TOKEN).contains("****");
    }

    @Test
    void emptyIsOffAndShorterThan32IsRefusedWithASentence() {
        assertThat(AdminToken.of("")).isEmpty();
        assertThat(AdminToken.checkToken("")).isEmpty();
        assertThat(AdminToken.checkToken("x".repeat(32))).isEmpty();
        assertThat(AdminToken.checkToken("x".repeat(31)))
                .hasValueSatisfying(p ->
                        assertThat(p).startsWith("is 31 characters long; it must be at least 32 random characters"));
    }

    @Test
    void anAddressIsBlockedAfterTenWrongTokensUntilTheMinuteSinceTheFirstIsOver() {
        var now = new AtomicLong();
        Ticker ticker = new Ticker() {
            @Override
            public long read() {
                return now.get();
            }
        };
        var failures = new FailedLogins(ticker);
        for (int i = 1; i < FailedLogins.LIMIT; i++) {
            assertThat(failures.failed("10.0.0.1")).isEqualTo(i);
        }
        assertThat(failures.blocked("10.0.0.1")).isFalse();
        failures.failed("10.0.0.1");
        assertThat(failures.blocked("10.0.0.1")).isTrue();
        assertThat(failures.blocked("10.0.0.2")).as("another address").isFalse();

        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertThat(failures.blocked("10.0.0.1")).isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(failures.blocked("10.0.0.1")).isFalse();
        assertThat(failures.failed("10.0.0.1")).as("a new window").isEqualTo(1);
    }
}
