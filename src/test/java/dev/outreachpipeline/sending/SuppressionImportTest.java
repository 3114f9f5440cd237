package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sentence an import ends with: the counts, then each refused line with its reason, the first 20 named. */
class SuppressionImportTest {

    @Test
    void aCleanImportIsItsCounts() {
        assertThat(new SuppressionImport(3, 1, List.of()).summary())
                .isEqualTo("Added 3, already suppressed 1, refused 0.");
    }

    @Test
    void refusedLinesAreNamedWithTheirReasonsTheFirstTwentyOfThem() {
        List<SuppressionFile.Line> refused = SuppressionFile.read(
                IntStream.rangeClosed(1, 22)
                        .mapToObj(n -> "bad entry " + n + "\n")
                        .reduce("", String::concat)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "a test");
        String summary = new SuppressionImport(0, 0, refused).summary();
        assertThat(summary)
                .startsWith("Added 0, already suppressed 0, refused 22 (line 1: 'bad entry 1' is neither an email"
                        + " address nor a domain")
                .contains("; line 20: 'bad entry 20' is neither")
                .doesNotContain("line 21:")
                .endsWith("; and 2 more; every other line was added).");
    }
}
