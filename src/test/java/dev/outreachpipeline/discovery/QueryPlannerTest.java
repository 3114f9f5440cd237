package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertThat(QueryPlanner.splitKeywords(" garden, , patio   lights ,,"))
                .containsExactly("garden", "patio lights");
        assertThat(QueryPlanner.splitKeywords(null)).isEmpty();
        assertThat(QueryPlanner.splitKeywords(" , ")).isEmpty();
    }

    @Test
    void keywordsWithCategoriesCombineEachKeywordWithEachPhraseOfEachCategoryRoundRobin() {
        // every keyword with the first phrase of each category before any keyword gets a second phrase
        assertThat(planner.plan("garden, patio", List.of("home_decor", "holiday"), List.of(USA)))
                .containsExactly(
                        new PlannedQuery("garden decor blog", "usa", 2840, "home_decor"),
                        new PlannedQuery("patio decor blog", "usa", 2840, "home_decor"),
                        new PlannedQuery("garden christmas blog", "usa", 2840, "holiday"),
                        new PlannedQuery("patio christmas blog", "usa", 2840, "holiday"),
                        new PlannedQuery("garden interior design blog", "usa", 2840, "home_decor"),
                        new PlannedQuery("patio interior design blog", "usa", 2840, "home_decor"));
    }

    @Test
    void keywordsAloneAreQueriesWithoutACategory() {
        assertThat(planner.plan("garden lights", List.of(), List.of(USA)))
                .containsExactly(new PlannedQuery("garden lights", "usa", 2840, null));
        assertThat(planner.plan("garden lights", null, List.of(USA))).hasSize(1);
    }

    @Test
    void categoriesAloneSearchTheirPhrases() {
        assertThat(planner.plan("  ", List.of("Holiday", "home_decor"), List.of(USA)))
                .containsExactly(
                        new PlannedQuery("christmas blog", "usa", 2840, "holiday"),
                        new PlannedQuery("decor blog", "usa", 2840, "home_decor"),
                        new PlannedQuery("interior design blog", "usa", 2840, "home_decor"));
        assertThat(planner.plan("", List.of("home_decor", "holiday"), List.of(USA)))
                .extracting(PlannedQuery::keyword)
                .containsExactly("decor blog", "christmas blog", "interior design blog");
    }

    @Test
    void theLocationsAreTakenInTurnSoTheFirstQueriesCoverEveryKeywordAndEveryLocation() {
        assertThat(planner.plan("succulents, monstera", List.of(), List.of(USA, UK)))
                .containsExactly(
                        new PlannedQuery("succulents", "usa", 2840, null),
                        new PlannedQuery("monstera", "uk", 2826, null),
                        new PlannedQuery("succulents", "uk", 2826, null),
                        new PlannedQuery("monstera", "usa", 2840, null));

        Location germany = new Location("germany", 2276);
        assertThat(planner.plan("garden", List.of(), List.of(UK, USA, germany)))
                .extracting(PlannedQuery::location)
                .containsExactly("uk", "usa", "germany");
        assertThat(planner.plan("a, b, c, d", List.of(), List.of(UK, USA, germany))
                        .subList(0, 4))
                .extracting(PlannedQuery::keyword, PlannedQuery::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "uk"),
                        org.assertj.core.groups.Tuple.tuple("b", "usa"),
                        org.assertj.core.groups.Tuple.tuple("c", "germany"),
                        org.assertj.core.groups.Tuple.tuple("d", "uk"));
    }

    @Test
    void duplicatesAreDroppedIgnoringCaseKeepingTheFirstSpelling() {
        assertThat(planner.plan("Garden, patio, GARDEN, garden", List.of(), List.of(USA)))
                .extracting(PlannedQuery::keyword)
                .containsExactly("Garden", "patio");

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
        List<PlannedQuery> planned =
                planner.plan("", List.of("holiday", "HOLIDAY"), List.of(USA, new Location("america", 2840), UK));

        assertThat(planned)
                .containsExactlyInAnyOrder(
                        new PlannedQuery("christmas blog", "usa", 2840, "holiday"),
                        new PlannedQuery("christmas blog", "uk", 2826, "holiday"));
    }

    @Test
    void eachLocationIsCutToTheCapAfterDeduplicationKeepingQueriesOfEveryKeyword() {
        QueryPlanner capped = new QueryPlanner(CATEGORIES, 4);

        QueryPlan plan = capped.fullPlan("a, A, b, c, d, e", List.of("home_decor"), List.of(USA, UK));

        assertThat(plan.queries()).hasSize(8);
        assertThat(plan.queries())
                .filteredOn(q -> q.location().equals("usa"))
                .extracting(PlannedQuery::keyword)
                .containsExactlyInAnyOrder("a decor blog", "b decor blog", "c decor blog", "d decor blog");
        assertThat(plan.queries()).filteredOn(q -> q.location().equals("uk")).hasSize(4);
        assertThat(plan.asked()).isEqualTo(20);
        assertThat(plan.droppedByCap()).isEqualTo(12);
    }

    @Test
    void whatTheCapDropsIsCountedAndExplained() {
        String keywords = String.join(
                ",",
                java.util.stream.IntStream.range(0, 60).mapToObj(i -> "k" + i).toList());
        Location germany = new Location("germany", 2276);
        Location london = new Location("london", 1006886);

        QueryPlan plan = planner.fullPlan(keywords, List.of(), List.of(USA, UK, germany, london));

        assertThat(plan.queries()).hasSize(80);
        assertThat(plan.asked()).isEqualTo(240);
        assertThat(plan.droppedByCap()).isEqualTo(160);
        assertThat(plan.droppedSentence())
                .isEqualTo("160 of the 240 queries asked for are dropped:"
                        + " outreach.discovery.max-queries-per-location (OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION) runs at most 20"
                        + " per location, so 80 will run. Raise it to run them all.");
        assertThat(planner.fullPlan("a, b", List.of(), List.of(USA)).droppedSentence())
                .isNull();
    }

    @Test
    void theDefaultCapIsTwentyPerLocation() {
        String keywords = String.join(
                ",",
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> "k" + i).toList());

        assertThat(planner.plan(keywords, List.of(), List.of(USA, UK))).hasSize(40);
    }

    @Test
    void noLocationsPlansNothingAndNothingToSearchForIsRefused() {
        assertThat(planner.plan("garden", List.of(), List.of())).isEmpty();
        assertThatThrownBy(() -> planner.plan(" , ", List.of(), List.of(USA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to search for");
        assertThatThrownBy(() -> new QueryPlanner(CATEGORIES, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> planner.plan("garden", List.of("gardening"), List.of(USA)))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown category 'gardening'; valid categories: holiday, home_decor");
    }
}
