package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A subject template of several lines: one variant per prospect, by its domain, always the same. */
class SubjectVariantsTest {

    private static final String THREE = "First for ${domain}\n\n  Second   for ${domain}\r\nThird\n";

    @Test
    void theSameDomainAlwaysGetsTheSameVariant() {
        var first = SubjectVariants.choose("A\nB\nC\n", "garden.example");
        for (int i = 0; i < 5; i++) {
            assertThat(SubjectVariants.choose("A\nB\nC\n", "garden.example")).isEqualTo(first);
        }
        // case and surrounding space do not change a domain
        assertThat(SubjectVariants.choose("A\nB\nC\n", " Garden.EXAMPLE ").index())
                .isEqualTo(first.index());
        assertThat(first.subject()).isEqualTo(String.valueOf("ABC".charAt(first.index())));
        assertThat(first.count()).isEqualTo(3);
    }

    @Test
    void differentDomainsSpreadOverTheVariants() {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            counts.merge(
                    SubjectVariants.choose("A\nB\nC", "site" + i + ".example").index(), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys(0, 1, 2);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(70, 130));
    }

    @Test
    void theIndexIsAStableMurmur3HashOfTheDomain() {
        // fixed values: a change of hash function or of the domain's normal form would move every prospect
        assertThat(SubjectVariants.index("garden.example", 1000))
                .isEqualTo(SubjectVariants.index("garden.example", 1000))
                .isEqualTo(Math.floorMod(
                        com.google.common.hash.Hashing.murmur3_32_fixed()
                                .hashString("garden.example", java.nio.charset.StandardCharsets.UTF_8)
                                .asInt(),
                        1000));
    }

    @Test
    void oneLineIsOneSubjectAsBeforeAndBlankLinesAreNoVariants() {
        assertThat(SubjectVariants.choose("  A guest post\tidea  \n", "x.example"))
                .isEqualTo(new SubjectVariants.Choice("A guest post idea", 0, 1));
        assertThat(SubjectVariants.choose("\n \n", "x.example")).isEqualTo(new SubjectVariants.Choice("", 0, 1));
        assertThat(SubjectVariants.choose("A\n\n \nB", "x.example").count()).isEqualTo(2);
    }

    @Test
    void theRendererUsesTheChosenVariantAndSaysWhichOneItIs() {
        var renderer = new DraftRenderer(DraftTemplates.builtIn(), false);
        String json = "{\"subject\": \"" + THREE.replace("\n", "\\n").replace("\r", "\\r") + "\"}";
        for (String domain : new String[] {"a.example", "b.example", "c.example", "d.example", "e.example"}) {
            Draft draft = renderer.render(
                    new DraftContext("Ana", "ana@" + domain, domain, null, null, null, null, "Sam"), Optional.of(json));
            String expected = switch (SubjectVariants.index(domain, 3)) {
                case 0 -> "First for " + domain;
                case 1 -> "Second for " + domain;
                default -> "Third";
            };
            assertThat(draft.subject()).isEqualTo(expected);
            assertThat(draft.subjectVariant()).isEqualTo(SubjectVariants.index(domain, 3));
        }
    }
}
