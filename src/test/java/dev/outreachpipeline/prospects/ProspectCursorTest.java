package dev.outreachpipeline.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A page's cursor keeps its last row's sort key exactly (to the microsecond), and refuses text it never made. */
class ProspectCursorTest {

    private static final UUID ID = UUID.fromString("3f0c2a9e-1111-4222-8333-444455556666");

    @Test
    void aRowsSortKeySurvivesTheRoundTripWithItsMicrosecondsAndAMissingScore() {
        Instant created = Instant.parse("2026-12-03T15:00:00.123456Z");
        var row = new LinkedHashMap<String, Object>();
        row.put("id", ID.toString());
        row.put("score", new BigDecimal("80.50"));
        row.put("created_at", Timestamp.from(created));
        ProspectCursor cursor = ProspectCursor.after(row);
        assertThat(ProspectCursor.decode(cursor.encode()))
                .isEqualTo(new ProspectCursor(new BigDecimal("80.50"), created, ID));

        row.put("score", null);
        ProspectCursor unscored =
                ProspectCursor.decode(ProspectCursor.after(row).encode());
        assertThat(unscored.score()).isNull();
        assertThat(unscored.createdAt()).isEqualTo(created);
    }

    @Test
    void textItNeverHandedOutIsRefusedWithOneSentence() {
        String wrongParts = Base64.getUrlEncoder().encodeToString("80|x".getBytes());
        String badScore = Base64.getUrlEncoder().encodeToString(("eighty|2026-12-03T15:00:00Z|" + ID).getBytes());
        for (String text : new String[] {"!!", wrongParts, badScore}) {
            assertThatThrownBy(() -> ProspectCursor.decode(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cursor is not one this API handed out");
        }
    }
}
