package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoverRequestValidatorTest {

    private static final Locations LOCATIONS = Locations.load(TableSource.classpath(Locations.DEFAULT_FILE));
    private static final Categories CATEGORIES = Categories.load(TableSource.classpath(Categories.DEFAULT_FILE));

    private static List<String> validate(DiscoverRequest request) {
        return DiscoverRequestValidator.validate(request, LOCATIONS, CATEGORIES);
    }

    @Test
    void theExampleRequestOfThePredecessorIsValidAndPlansItsQueries() {
        var request = new DiscoverRequest("garden lights", List.of("usa"), List.of("home_decor"), 50);

        assertThat(validate(request)).isEmpty();
        List<PlannedQuery> planned = DiscoverRequestValidator.plan(request, LOCATIONS, CATEGORIES, 20);
        assertThat(planned).isNotEmpty().allSatisfy(q -> {
            assertThat(q.keyword()).startsWith("garden lights ");
            assertThat(q.location()).isEqualTo("usa");
            assertThat(q.locationCode()).isEqualTo(2840);
            assertThat(q.category()).isEqualTo("home_decor");
        });
        assertThat(planned)
                .extracting(PlannedQuery::keyword)
                .containsExactlyElementsOf(CATEGORIES.phrases("home_decor").stream()
                        .map(p -> "garden lights " + p)
                        .toList());
    }

    @Test
    void locationsByAliasAndCodeResolveAndAreNamedAsResolved() {
        var request = new DiscoverRequest("garden", List.of("United Kingdom", "1006886"), List.of(), 10);

        assertThat(DiscoverRequestValidator.plan(request, LOCATIONS, CATEGORIES, 20))
                .containsExactly(
                        new PlannedQuery("garden", "united kingdom", 2826, null),
                        new PlannedQuery("garden", "london", 1006886, null));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String longKeyword = "x".repeat(701);
        var request = new DiscoverRequest(
                "garden, " + longKeyword, List.of("usa", "europe", "narnia"), List.of("home_decor", "gardening"), 0);

        List<String> problems = validate(request);

        assertThat(problems).hasSize(5);
        assertThat(problems.get(0))
                .startsWith(
                        "There is no Europe-wide location in DataForSEO ('europe'); list the countries to search, e.g. uk,");
        assertThat(problems.get(1))
                .startsWith("Unknown location 'narnia'; valid names: america, au,")
                .endsWith("location code.");
        assertThat(problems.get(2))
                .isEqualTo("Unknown category 'gardening'; valid categories: audio_visuals, gift_guides, "
                        + "holiday, home_decor, parenting, tech_innovation.");
        assertThat(problems.get(3))
                .isEqualTo("The keyword '" + "x".repeat(40) + "…' is 701 characters long; "
                        + "DataForSEO accepts at most 700.");
        assertThat(problems.get(4))
                .isEqualTo("The maximum number of results (max_results) must be between 1 and 1000, is 0.");
        assertThatThrownBy(() -> DiscoverRequestValidator.plan(request, LOCATIONS, CATEGORIES, 20))
                .isInstanceOfSatisfying(InvalidDiscoverRequestException.class, e -> {
                    assertThat(e.problems()).isEqualTo(problems);
                    assertThat(e.getMessage())
                            .startsWith("The discover request has 5 problems:\n  - There is no Europe-wide");
                });
    }

    @Test
    void controlCharactersInAnyNameAreRefusedAndShownEscaped() {
        var request = new DiscoverRequest(
                "garden\0lights, patio, \u001b]0;owned\u0007",
                List.of("usa", "uk\u001b[2J"),
                List.of("home_decor\0"),
                10);

        List<String> problems = validate(request);

        assertThat(problems)
                .containsExactly(
                        "The location 'uk\\u001B[2J' contains control characters (U+001B); remove them.",
                        "The category 'home_decor\\u0000' contains control characters (U+0000); remove them.",
                        "The keyword 'garden\\u0000lights' contains control characters (U+0000); remove them.",
                        "The keyword '\\u001B]0;owned\\u0007' contains control characters (U+001B, U+0007); remove them.");
        assertThat(String.join("", problems).chars().filter(c -> c < 0x20 || c == 0x7f))
                .isEmpty();
    }

    @Test
    void anEmptyRequestSaysWhatIsMissing() {
        assertThat(validate(new DiscoverRequest(" , ", List.of(), List.of(), 100)))
                .containsExactly(
                        "The request has no keywords and no categories: give keywords, categories or both.",
                        "The request has no locations: name at least one, e.g. usa.");
        assertThat(validate(new DiscoverRequest(null, null, null, 100))).hasSize(2);
    }

    @Test
    void emptyOrNullNamesInTheListsAreReported() {
        List<String> problems = validate(
                new DiscoverRequest("garden", Arrays.asList("usa", null, " "), Arrays.asList((String) null), 100));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("A location is empty; valid names:");
        assertThat(problems.get(1)).startsWith("A category is empty; valid categories:");
    }

    @Test
    void aKeywordThatFitsAloneButNotWithACategoryPhraseIsReported() {
        String keyword = "y".repeat(695);

        assertThat(validate(new DiscoverRequest(keyword, List.of("usa"), List.of(), 100)))
                .isEmpty();
        assertThat(validate(new DiscoverRequest(keyword, List.of("usa"), List.of("home_decor"), 100)))
                .singleElement()
                .asString()
                .startsWith("The keyword '" + "y".repeat(40) + "…' (695 characters) with the home_decor phrase '")
                .contains("DataForSEO accepts at most 700.");
    }

    @Test
    void maxResultsBoundsAreInclusive() {
        assertThat(validate(new DiscoverRequest("garden", List.of("usa"), List.of(), 1)))
                .isEmpty();
        assertThat(validate(new DiscoverRequest("garden", List.of("usa"), List.of(), 1000)))
                .isEmpty();
        assertThat(validate(new DiscoverRequest("garden", List.of("usa"), List.of(), 1001)))
                .hasSize(1);
    }

    @Test
    void aNameGivenTwiceIsReportedOnce() {
        assertThat(validate(new DiscoverRequest("garden", List.of("narnia", "narnia"), List.of(), 10)))
                .hasSize(1);
    }
}
