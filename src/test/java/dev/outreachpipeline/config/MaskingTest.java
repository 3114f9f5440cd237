package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final String URL_KEY = "outreach.database.url";

    @Test
    void masksPasswordsInUrlsAndSecretQueryParameters() {
        assertThat(Masking.maskText("connect to postgresql://app:pa55@host:5432/db failed"))
                .isEqualTo("connect to postgresql://app:****@host:5432/db failed");
        assertThat(Masking.maskText("GET https://api.hunter.io/v2/domain-search?domain=a.com&api_key=abc123"))
                .isEqualTo("GET https://api.hunter.io/v2/domain-search?domain=a.com&api_key=****");
        assertThat(Masking.maskText("jdbc:postgresql://h/db?user=u&password=pw"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****");
        assertThat(Masking.maskText("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void masksEveryCredentialBearingQueryParameterInLogText() {
        assertThat(Masking.maskText(
                        "Using PostgreSQL at postgresql://app:****@h:5432/db?sslmode=verify-full&sslpassword=S3cr"
                                + "&sslkey=/etc/k.pk8&sslcert=/etc/c.crt&sslfactoryarg=Arg9 (schema public)"))
                .isEqualTo("Using PostgreSQL at postgresql://app:****@h:5432/db?sslmode=verify-full&sslpassword=****"
                        + "&sslkey=****&sslcert=/etc/c.crt&sslfactoryarg=**** (schema public)");
    }

    @Test
    void aRawAtSignInThePasswordHidesAllOfIt() {
        assertThat(Masking.maskText("postgres://app:pa@Secret3@db.host:5432/outreach"))
                .isEqualTo("postgres://app:****@db.host:5432/outreach");
        assertThat(Masking.maskSetting(URL_KEY, "postgres://app:pa@Secret3@db.host:5432/outreach"))
                .isEqualTo("postgres://app:****@db.host:5432/outreach");
    }

    @Test
    void theDatabaseUrlSettingIsMaskedInEveryFormItIsAcceptedIn() {
        assertThat(Masking.maskSetting(URL_KEY, "postgres://app:pw1@h:5432/db?sslpassword=S1&sslmode=require"))
                .isEqualTo("postgres://app:****@h:5432/db?sslpassword=****&sslmode=require");
        assertThat(Masking.maskSetting(URL_KEY, "postgresql://app:pw2@h/db?sslkey=/k.pk8&sslpassword=S2"))
                .isEqualTo("postgresql://app:****@h/db?sslkey=****&sslpassword=****");
        assertThat(Masking.maskSetting(URL_KEY, "jdbc:postgresql://h:5432/db?user=app&password=pw3&sslpassword=S3"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=app&password=****&sslpassword=****");
        // no user information and no secret: shown as it is
        assertThat(Masking.maskSetting(URL_KEY, "postgresql://h:5432/db?sslmode=require&options=-c%20x@y"))
                .isEqualTo("postgresql://h:5432/db?sslmode=require&options=-c%20x@y");
    }

    @Test
    void aSpaceInThePasswordDoesNotEndTheMaskOfAUrlValue() {
        assertThat(Masking.maskSetting(URL_KEY, "postgres://app:pass word@h/db"))
                .isEqualTo("postgres://app:****@h/db");
        assertThat(Masking.maskSetting(URL_KEY, "jdbc:postgresql://h/db?password=pass word&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?password=****&ssl=true");
        assertThat(Masking.maskUrl("postgres://app:a/b c@d@h/db")).isEqualTo("postgres://app:****@h/db");
    }
}
