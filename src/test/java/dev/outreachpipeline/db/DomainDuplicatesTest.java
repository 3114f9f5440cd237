package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan `db dedupe` prints, for domains that came from outside. */
class DomainDuplicatesTest {

    @Test
    void anEscapeSequenceInADomainIsShownAsTextNotSentToTheTerminal() {
        String hostile = "evil.example\u001B]0;pwned\u0007\u001B[2J";
        var created = OffsetDateTime.parse("2026-01-02T03:04:05Z");
        var group = new DomainDuplicates.Group(
                hostile,
                List.of(
                        new DomainDuplicates.Row(
                                UUID.fromString("00000000-0000-0000-0000-000000000001"), hostile, created, 1, 1),
                        new DomainDuplicates.Row(
                                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                                "WWW." + hostile,
                                created,
                                0,
                                0)));

        String plan = DomainDuplicates.describe(List.of(group));

        assertThat(plan)
                .doesNotContain("\u001B")
                .doesNotContain("\u0007")
                .contains("  evil.example\\x1B]0;pwned\\x07\\x1B[2J\n")
                .contains("00000000-0000-0000-0000-000000000002  WWW.evil.example\\x1B]0;pwned\\x07\\x1B[2J  created");
    }
}
