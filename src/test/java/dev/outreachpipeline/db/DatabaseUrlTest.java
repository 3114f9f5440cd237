package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsThePostgresUrlHostingPlatformsHandOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss@db.internal:6543/outreach");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/outreach");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.display()).isEqualTo("postgresql://app:****@db.internal:6543/outreach");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void keepsSslModeAndDefaultsThePort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db.example.com/outreach?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/outreach?sslmode=require");
    }

    @Test
    void takesJdbcUrlsAndSplitsOffTheirCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("jdbc:postgresql://localhost:5432/outreach?user=app&password=pw&sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/outreach?sslmode=disable");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void refusesOtherSchemesAndMissingPartsWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:topsecret@h/db"))
                .hasMessageContaining("must start with postgres://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:topsecret@h"))
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql:outreach"))
                .hasMessageContaining("jdbc:postgresql://HOST");
    }

    @Test
    void theShownUrlHidesCredentialParametersInEachForm() {
        DatabaseUrl uri = DatabaseUrl.parse(
                "postgres://app:pw@h:5432/db?sslmode=require&sslpassword=Sslpw1&sslkey=/k/client.pk8");
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=app&password=pw&sslpassword=Sslpw2");

        assertThat(uri.jdbcUrl()).contains("sslpassword=Sslpw1"); // the driver still gets it
        assertThat(uri.display())
                .isEqualTo("postgresql://app:****@h:5432/db?sslmode=require&sslpassword=****&sslkey=****");
        assertThat(jdbc.display()).isEqualTo("postgresql://app:****@h:5432/db?sslpassword=****");
        assertThat(jdbc.toString()).doesNotContain("Sslpw2").doesNotContain("pw&");
    }

    @Test
    void errorsAboutAMalformedUrlHideAPasswordWithASpaceOrARawAtSign() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:Secret 1@h/db"))
                .hasMessageContaining("postgres://app:****@h/db")
                .hasMessageNotContaining("Secret")
                .hasMessageNotContaining(" 1@");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:pa@Secret3@h/db"))
                .hasMessageContaining("postgres://app:****@h/db")
                .hasMessageNotContaining("Secret3");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:pw@h?sslpassword=Ssl 9"))
                .hasMessageNotContaining("Ssl 9")
                .hasMessageNotContaining("pw@");
    }
}
