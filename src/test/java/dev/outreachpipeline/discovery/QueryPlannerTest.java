package dev.outreachpipeline.discovery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPlannerTest {

    private static final Categories CATEGORIES = Categories.load(TableSource.text("test categories", """
            home_decor = decor blog, interior design blog
            holiday = christmas blog
            """));
    private static final Location USA = new Location("usa", 2840);
    private static final Location UK = new Location("uk", 2826);

    private final QueryPlanner planner = new QueryPlanner(CATEGORIES);

    @Test
    void keywordsAreSplitOnCommasTrimmedAndEmptyPiecesDropped() {
        assertThat(QueryPlanner.splitKeywords(" garden, , patio   lights ,,")).containsExactly("garden", "patio lights");
        assertThat(QueryPlanner.splitKeywords(null)).isEmpty();
        assertThat(QueryPlanner.splitKeywords(" , ")).isEmpty();
    }

    @Test
    void keywordsWithCategoriesCombineEachKeywordWithEachPhraseOfEachCategory() {
        assertThat(planner.plan("garden, patio", List.of("home_decor", "holiday"), List.of(USA))).containsExactly(
                new PlannedQuery("garden decor blog", "usa", 2840, "home_decor"),
                new PlannedQuery("garden interior design blog", "usa", 2840, "home_decor"),
                new PlannedQuery("garden christmas blog", "usa", 2840, "holiday"),
                new PlannedQuery("patio decor blog", "usa", 2840, "home_decor"),
                new PlannedQuery("patio interior design blog", "usa", 2840, "home_decor"),
                new PlannedQuery("patio christmas blog", "usa", 2840, "holiday"));
    }

    @Test
    void keywordsAloneAreQueriesWithoutACategory() {
        assertThat(planner.plan("garden lights", List.of(), List.of(USA)))
                .containsExactly(new PlannedQuery("garden lights", "usa", 2840, null));
        assertThat(planner.plan("garden lights", null, List.of(USA))).hasSize(1);
    }

    @Test
    void categoriesAloneSearchTheirPhrases() {
        assertThat(planner.plan("  ", List.of("Holiday", "home_decor"), List.of(USA))).containsExactly(
                new PlannedQuery("christmas blog", "usa", 2840, "holiday"),
                new PlannedQuery("decor blog", "usa", 2840, "home_decor"),
                new PlannedQuery("interior design blog", "usa", 2840, "home_decor"));
    }

    @Test
    void theResultIsOrderedByLocationThenQuery() {
        assertThat(planner.plan("garden, patio", List.of(), List.of(UK, USA))).containsExactly(
                new PlannedQuery("garden", "uk", 2826, null),
                new PlannedQuery("patio", "uk", 2826, null),
                new PlannedQuery("garden", "usa", 2840, null),
                new PlannedQuery("patio", "usa", 2840, null));
    }

    @Test
    void duplicatesAreDroppedIgnoringCaseKeepingTheFirstSpelling() {
        assertThat(planner.plan("Garden, patio, GARDEN, garden", List.of(), List.of(USA)))
                .extracting(PlannedQuery::keyword).containsExactly("Garden", "patio");

        Categories overlapping = Categories.load(TableSource.text("t", """
                a = Decor Blog, craft blog
                b = decor blog, gift blog
                """));
        assertThat(new QueryPlanner(overlapping).plan("", List.of("a", "b"), List.of(USA)))
                .extracting(PlannedQuery::keyword, PlannedQuery::category)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Decor Blog", "a"),
                        org.assertj.core.groups.Tuple.tuple("craft blog", "a"),
                        org.assertj.core.groups.Tuple.tuple("gift blog", "b"));
    }

    @Test
    void aCategorySelectedTwiceAndALocationCodeGivenTwiceCountOnce() {
        List<PlannedQuery> planned = planner.plan("", List.of("holiday", "HOLIDAY"),
                List.of(USA, new Location("america", 2840), UK));

        assertThat(planned).containsExactly(
                new PlannedQuery("christmas blog", "usa", 2840, "holiday"),
                new PlannedQuery("christmas blog", "uk", 2826, "holiday"));
    }

    @Test
    void eachLocationIsCutToTheCapAfterDeduplication() {
        QueryPlanner capped = new QueryPlanner(CATEGORIES, 4);

        List<PlannedQuery> planned = capped.plan("a, A, b, c, d, e", List.of("home_decor"), List.of(USA, UK));

        assertThat(planned).hasSize(8);
        assertThat(planned.subList(0, 4)).extracting(PlannedQuery::keyword)
                .containsExactly("a decor blog", "a interior design blog", "b decor blog", "b interior design blog");
        assertThat(planned.subList(4, 8)).extracting(PlannedQuery::location).containsOnly("uk");
    }

    @Test
    void theDefaultCapIsTwentyPerLocation() {
        String keywords = String.join(",", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "k" + i).toList());

        assertThat(planner.plan(keywords, List.of(), List.of(USA, UK))).hasSize(40);
    }

    @Test
    void noLocationsPlansNothingAndNothingToSearchForIsRefused() {
        assertThat(planner.plan("garden", List.of(), List.of())).isEmpty();
        assertThatThrownBy(() -> planner.plan(" , ", List.of(), List.of(USA)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to search for");
        assertThatThrownBy(() -> new QueryPlanner(CATEGORIES, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> planner.plan("garden", List.of("gardening"), List.of(USA)))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown category 'gardening'; valid categories: holiday, home_decor");
    }
}
