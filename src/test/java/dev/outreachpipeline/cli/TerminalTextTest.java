package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    private static final String HOSTILE_TITLE = "Best roses\u001B]0;pwned\u0007\u001B[2J";

    @Test
    void escapeSequencesArePrintedAsVisibleTextAndNeverReachTheTerminal() {
        String shown = TerminalText.line(HOSTILE_TITLE);

        assertThat(shown).isEqualTo("Best roses\\x1B]0;pwned\\x07\\x1B[2J");
        assertThat(shown.chars()).noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    @Test
    void deleteC1ControlsAndBidirectionalOverridesAreEscapedToo() {
        assertThat(TerminalText.line("a\u007Fb\u009Bc\u0085d")).isEqualTo("a\\x7Fb\\x9Bc\\x85d");
        assertThat(TerminalText.line("invoice\u202Egpj.exe")).isEqualTo("invoice\\u202Egpj.exe");
    }

    @Test
    void aLineEscapesBreaksWhileABlockKeepsItsLinesAndTabs() {
        assertThat(TerminalText.line("one\r\ntwo\tthree")).isEqualTo("one\\x0D\\x0Atwo\\x09three");
        assertThat(TerminalText.block("one\ntwo\tthree\r\u001B[2J")).isEqualTo("one\ntwo\tthree\\x0D\\x1B[2J");
    }

    @Test
    void ordinaryTextIsUntouchedAndNullIsEmpty() {
        assertThat(TerminalText.line("Zoë's garden — ünïcode ☃ 日本")).isEqualTo("Zoë's garden — ünïcode ☃ 日本");
        assertThat(TerminalText.line(null)).isEmpty();
        assertThat(TerminalText.block(null)).isEmpty();
    }

    @Test
    void jsonForTheTerminalEscapesWhatJsonWouldLeaveRaw() throws Exception {
        String json = TerminalText.jsonMapper()
                .writeValueAsString(java.util.Map.of("title", "a\u001B[2J\u007F\u009B6n\u202Eb ü"));

        assertThat(json).contains("a\\u001B[2J\\u007F\\u009B6n\\u202Eb ü");
        assertThat(json.chars()).noneMatch(c -> c == 0x1B || c == 0x7F || c == 0x9B || c == 0x202E);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(json)
                        .get("title")
                        .asText())
                .isEqualTo("a\u001B[2J\u007F\u009B6n\u202Eb ü");
    }
}
