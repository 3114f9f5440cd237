package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationsTest {

    private static final Locations SHIPPED = Locations.load(TableSource.classpath(Locations.DEFAULT_FILE));

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "usa, 2840",
        "us, 2840",
        "united states, 2840",
        "america, 2840",
        "canada, 2124",
        "ca, 2124",
        "uk, 2826",
        "gb, 2826",
        "united kingdom, 2826",
        "great britain, 2826",
        "england, 2826",
        "london, 1006886",
        "germany, 2276",
        "de, 2276",
        "france, 2250",
        "fr, 2250",
        "australia, 2036",
        "au, 2036",
        "ireland, 2372",
        "new zealand, 2554",
        "india, 2356",
        "spain, 2724",
        "italy, 2380",
        "netherlands, 2528"
    })
    void theShippedTableResolvesEveryAlias(String name, int code) {
        assertThat(SHIPPED.resolve(name)).isEqualTo(new Location(name, code));
    }

    @Test
    void caseAndSpacesDoNotMatterAndTheNameComesBackAsTheTableSpellsIt() {
        assertThat(SHIPPED.resolve("  United   States ")).isEqualTo(new Location("united states", 2840));
        assertThat(SHIPPED.resolve("USA")).isEqualTo(new Location("usa", 2840));
        assertThat(SHIPPED.resolve("\tLondon\n")).isEqualTo(new Location("london", 1006886));
    }

    @Test
    void aPositiveNumberIsTakenAsALocationCodeAsItIs() {
        assertThat(SHIPPED.resolve("2840")).isEqualTo(new Location("usa", 2840));
        assertThat(SHIPPED.resolve(" 1006886 ")).isEqualTo(new Location("london", 1006886));
        assertThat(SHIPPED.resolve("21167")).isEqualTo(new Location("21167", 21167));
    }

    @Test
    void zeroNegativeAndOversizedNumbersAreNotCodes() {
        for (String bad : new String[] {"0", "-2840", "+2840", "99999999999", "28.40"}) {
            assertThat(SHIPPED.find(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> SHIPPED.resolve("-5"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("location code '-5' is not a positive whole number");
    }

    @Test
    void europeIsNotALocationAndTheMessageSaysSoAndSuggestsCountries() {
        assertThatThrownBy(() -> SHIPPED.resolve("Europe"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("there is no Europe-wide location")
                .hasMessageContaining("e.g. uk, germany, france, spain, italy, netherlands, ireland")
                .hasMessageContaining("valid names: ");
        assertThat(SHIPPED.find("europe")).isEmpty();
    }

    @Test
    void anUnknownNameIsAnErrorListingTheValidNamesSorted() {
        assertThatThrownBy(() -> SHIPPED.resolve("Narnia"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageStartingWith(
                        "unknown location 'Narnia'; valid names: america, au, australia, ca, canada, de,")
                .hasMessageEndingWith("or a numeric DataForSEO location code");
        assertThat(SHIPPED.names()).isSorted().contains("usa", "london").doesNotContain("europe");
    }

    @Test
    void descriptionsComeFromTheTable() {
        assertThat(SHIPPED.description(1006886)).contains("London,England,United Kingdom");
        assertThat(SHIPPED.description(2840)).contains("United States");
        assertThat(SHIPPED.description(21167)).isEmpty();
    }

    @Test
    void aTableGivenAsTextIsUsedInsteadOfTheShippedOne() {
        Locations locations = Locations.load(TableSource.text("test table", """
                # a comment
                name,code,description
                Home, 2840 ,United States

                office,2826,
                """));

        assertThat(locations.resolve("HOME")).isEqualTo(new Location("home", 2840));
        assertThat(locations.names()).containsExactly("home", "office");
        assertThatThrownBy(() -> locations.resolve("usa")).hasMessageContaining("valid names: home, office;");
    }

    @Test
    void everyBadRowIsReportedAtOnce() {
        assertThatThrownBy(() -> Locations.load(TableSource.text("bad.csv", """
                name,code,description
                usa,2840,United States
                usa,2826,United Kingdom
                ,2124,Canada
                france,abc,France
                germany,0,Germany
                1234,2036,Australia
                spain,2724
                """)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "bad.csv line 3: name 'usa' is already listed on line 2",
                                        "bad.csv line 4 has no name",
                                        "bad.csv line 5: code 'abc' for 'france' is not a positive whole number",
                                        "bad.csv line 6: code '0' for 'germany' is not a positive whole number",
                                        "bad.csv line 7: name '1234' is a number; numbers typed as locations are already taken as codes",
                                        "bad.csv line 8 has 2 fields, expected 3 (name,code,description)"));
    }

    @Test
    void aWrongHeaderOrAnEmptyTableIsRefused() {
        assertThatThrownBy(() -> Locations.load(TableSource.text("t.csv", "location,code\nusa,2840\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.csv must start with the header line name,code,description");
        assertThatThrownBy(() -> Locations.load(TableSource.text("t.csv", "name,code,description\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.csv lists no locations");
    }

    @Test
    void theConfiguredFileWinsWhenPresentElseTheShippedCopyIsUsed() throws IOException {
        TableSource shipped = TableSource.configured("outreach.discovery.locations-file", Locations.DEFAULT_FILE, dir);
        assertThat(shipped.name()).isEqualTo("the built-in config/locations.csv");
        assertThat(Locations.load(shipped).resolve("usa").code()).isEqualTo(2840);

        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/locations.csv"), "name,code,description\nhq,2276,Germany\n");
        TableSource local = TableSource.configured("outreach.discovery.locations-file", Locations.DEFAULT_FILE, dir);
        assertThat(local.name()).isEqualTo(dir.resolve("config/locations.csv").toString());
        assertThat(Locations.load(local).names()).containsExactly("hq");
    }

    @Test
    void aConfiguredFileThatExistsNowhereIsAConfigurationError() {
        assertThatThrownBy(() -> TableSource.configured("outreach.discovery.locations-file", "config/mine.csv", dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'outreach.discovery.locations-file' names " + dir.resolve("config/mine.csv"))
                .hasMessageContaining("does not exist");
    }
}
