package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    private static final Categories SHIPPED = Categories.load(TableSource.classpath(Categories.DEFAULT_FILE));

    @Test
    void theShippedTableHasThePredecessorsSixCategories() {
        assertThat(SHIPPED.names())
                .containsExactly(
                        "audio_visuals", "gift_guides", "holiday", "home_decor", "parenting", "tech_innovation");
        for (String name : SHIPPED.names()) {
            assertThat(SHIPPED.phrases(name))
                    .as(name)
                    .hasSizeBetween(2, 6)
                    .allSatisfy(p -> assertThat(p).isNotBlank());
        }
    }

    @Test
    void phrasesComeInTheTablesOrderWhateverTheCaseOfTheName() {
        Categories categories = Categories.load(TableSource.text("t", """
                # comment
                home_decor = home decor blog,  interior   design blog , , home styling ideas
                parenting = parenting blog
                """));

        assertThat(categories.phrases("home_decor"))
                .containsExactly("home decor blog", "interior design blog", "home styling ideas");
        assertThat(categories.phrases(" Home_Decor ")).isEqualTo(categories.phrases("home_decor"));
        assertThat(categories.find("PARENTING")).contains("parenting");
    }

    @Test
    void anUnknownCategoryIsAnErrorListingTheValidOnes() {
        assertThatThrownBy(() -> SHIPPED.phrases("gardening"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown category 'gardening'; valid categories: audio_visuals, gift_guides, holiday, "
                        + "home_decor, parenting, tech_innovation");
        assertThat(SHIPPED.find("gardening")).isEmpty();
        assertThat(SHIPPED.find(null)).isEmpty();
    }

    @Test
    void everyBadEntryIsReportedAtOnce() {
        assertThatThrownBy(() -> Categories.load(TableSource.text("bad.properties", """
                Home-Decor = home decor blog
                holiday = , ,
                parenting = parenting blog
                """)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "bad.properties: category name 'Home-Decor' must be lower-case letters and digits, words joined by '_'",
                                        "bad.properties: category 'holiday' has no search phrases"));
        assertThatThrownBy(() -> Categories.load(TableSource.text("empty.properties", "# nothing\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("empty.properties lists no categories");
    }
}
