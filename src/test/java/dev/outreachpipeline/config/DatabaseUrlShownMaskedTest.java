package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATABASE_URL as `config show` prints it and as a configuration error quotes it: no credential in any form. */
class DatabaseUrlShownMaskedTest {

    @TempDir
    Path dir;

    private String shown(String url) {
        return OutreachConfig.load(null, Map.of("DATABASE_URL", url), dir)
                .masked()
                .get("outreach.database.url");
    }

    @Test
    void configShowHidesEveryCredentialInEachAcceptedForm() {
        assertThat(shown("postgres://app:Pw1@db.host:5432/outreach?sslmode=require&sslpassword=Ssl1"))
                .isEqualTo("postgres://app:****@db.host:5432/outreach?sslmode=require&sslpassword=****");
        assertThat(shown("postgresql://app:Pw2@db.host/outreach?sslkey=/keys/c.pk8&sslpassword=Ssl2"))
                .isEqualTo("postgresql://app:****@db.host/outreach?sslkey=****&sslpassword=****");
        assertThat(shown("jdbc:postgresql://db.host:5432/outreach?user=app&password=Pw3&sslpassword=Ssl3"))
                .isEqualTo("jdbc:postgresql://db.host:5432/outreach?user=app&password=****&sslpassword=****");
        assertThat(shown("jdbc:postgresql://db.host/outreach?user=app&password=Pw 4"))
                .isEqualTo("jdbc:postgresql://db.host/outreach?user=app&password=****");
    }

    @Test
    void aConfigurationErrorQuotesTheUrlWithoutItsPassword() {
        assertThatThrownBy(() -> OutreachConfig.load(
                        null, Map.of("DATABASE_URL", "postgres://app:Secret 5@db.host/outreach"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("postgres://app:****@db.host/outreach")
                .hasMessageNotContaining("Secret");
        assertThatThrownBy(() ->
                        OutreachConfig.load(null, Map.of("DATABASE_URL", "postgres://app:pa@Secret6@db.host"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("Secret6")
                .hasMessageNotContaining("pa@");
    }
}
