package dev.outreachpipeline.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/outreach?user=app&password=pw&sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/outreach?sslmode=disable");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void refusesOtherSchemesAndMissingPartsWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:topsecret@h/db"))
                .hasMessageContaining("must start with postgres://").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:topsecret@h")).hasMessageContaining("names no database")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql:outreach")).hasMessageContaining("jdbc:postgresql://HOST");
    }
}
