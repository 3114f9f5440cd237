package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribeJournalTest {

    @TempDir
    Path dir;

    @Test
    void entriesAreKeptInOrderUntilDroppedAndLaterOnesSurviveTheDrop() throws Exception {
        var journal = new UnsubscribeJournal(dir.resolve("data/journal.txt"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        journal.append(first, UnsubscribePages.ONE_CLICK);
        journal.append(second, UnsubscribePages.CONFIRMATION_PAGE);

        var snapshot = journal.lines();
        journal.append(third, UnsubscribePages.ONE_CLICK);
        journal.dropFirst(snapshot.size());

        assertThat(snapshot).hasSize(2);
        assertThat(UnsubscribeJournal.Entry.parse(snapshot.get(0))).hasValueSatisfying(e -> {
            assertThat(e.prospectId()).isEqualTo(first);
            assertThat(e.source()).isEqualTo(UnsubscribePages.ONE_CLICK);
        });
        assertThat(UnsubscribeJournal.Entry.parse(snapshot.get(1)).orElseThrow().source())
                .isEqualTo(UnsubscribePages.CONFIRMATION_PAGE);
        assertThat(journal.lines())
                .singleElement()
                .satisfies(line -> assertThat(UnsubscribeJournal.Entry.parse(line)
                                .orElseThrow()
                                .prospectId())
                        .isEqualTo(third));

        journal.dropFirst(1);

        assertThat(Files.exists(dir.resolve("data/journal.txt"))).isFalse();
        assertThat(journal.lines()).isEmpty();
    }

    @Test
    void aLineCutShortIsNotAnEntry() {
        assertThat(UnsubscribeJournal.Entry.parse(UUID.randomUUID() + "\tone-click link"))
                .isEmpty();
        assertThat(UnsubscribeJournal.Entry.parse("garbage\tx\t2026-12-03T07:00:00Z"))
                .isEmpty();
        assertThat(UnsubscribeJournal.Entry.parse("")).isEmpty();
    }
}
