package dev.outreachpipeline.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    @Test
    void defaults() {
        ContactRules d = ContactRules.defaults();

        assertThat(d.targetRoles())
                .containsExactly(
                        "editor", "editorial", "content", "marketing", "outreach", "partnerships", "founder", "owner");
        assertThat(d.minConfidence()).isEqualTo(50);
        assertThat(d.allowGeneric()).isTrue();
        assertThat(d.dropDisposable()).isTrue();
        assertThat(d.dropWebmail()).isTrue();
        assertThat(d.genericLocalParts())
                .contains(
                        "info",
                        "hello",
                        "contact",
                        "editor",
                        "editorial",
                        "press",
                        "media",
                        "partnerships",
                        "team",
                        "admin",
                        "office",
                        "support");
    }

    @Test
    void wordsAreKeptLowerCaseStrippedAndOnce() {
        var rules = new ContactRules(
                Arrays.asList(" Editor ", "EDITOR", "", null, "Head of Content"),
                0,
                true,
                true,
                true,
                Set.of(" Info ", "HELLO", " "));

        assertThat(rules.targetRoles()).containsExactly("editor", "head of content");
        assertThat(rules.genericLocalParts()).containsExactlyInAnyOrder("info", "hello");
    }

    @Test
    void theListsCannotBeChangedAfterwards() {
        var roles = new java.util.ArrayList<>(List.of("editor"));
        var rules = new ContactRules(roles, 50, true, true, true, Set.of());
        roles.add("owner");

        assertThat(rules.targetRoles()).containsExactly("editor");
        assertThatThrownBy(() -> rules.targetRoles().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theMinimumIsAConfidence() {
        assertThatThrownBy(() -> new ContactRules(List.of(), 101, true, true, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101");
        assertThatThrownBy(() -> new ContactRules(List.of(), -1, true, true, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ContactRules(List.of(), 100, true, true, true, Set.of()).minConfidence())
                .isEqualTo(100);
    }
}
