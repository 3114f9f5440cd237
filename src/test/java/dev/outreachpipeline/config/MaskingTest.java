package dev.outreachpipeline.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void masksPasswordsInUrlsAndSecretQueryParameters() {
        assertThat(Masking.maskText("connect to postgresql://app:pa55@host:5432/db failed"))
                .isEqualTo("connect to postgresql://app:****@host:5432/db failed");
        assertThat(Masking.maskText("GET https://api.hunter.io/v2/domain-search?domain=a.com&api_key=abc123"))
                .isEqualTo("GET https://api.hunter.io/v2/domain-search?domain=a.com&api_key=****");
        assertThat(Masking.maskText("jdbc:postgresql://h/db?user=u&password=pw")).isEqualTo("jdbc:postgresql://h/db?user=u&password=****");
        assertThat(Masking.maskText("nothing secret here")).isEqualTo("nothing secret here");
    }
}
