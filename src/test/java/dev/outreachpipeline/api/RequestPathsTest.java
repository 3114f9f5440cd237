package dev.outreachpipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A path anyone sent goes into log lines and answers without its control characters and not endlessly. */
class RequestPathsTest {

    @Test
    void controlCharactersBecomeQuestionMarksAndLongPathsAreCut() {
        assertThat(RequestPaths.printable("/api/v1/x\r\nINFO forged line\u009b"))
                .isEqualTo("/api/v1/x??INFO forged line?");
        assertThat(RequestPaths.printable("/" + "a".repeat(500))).hasSize(201).endsWith("…");
        assertThat(RequestPaths.printable(null)).isEmpty();
    }
}
