package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountrySkipListTest {

    @Test
    void aListedCountryIsSkippedWithAReason() {
        CountrySkipList list = CountrySkipList.parse("DE,AT");

        assertThat(list.skipReason(2276))
                .hasValue(
                        "recipients in DE are skipped: prior consent is required there (outreach.send.skip-countries)");
        assertThat(list.skipReason(2040))
                .hasValueSatisfying(r -> assertThat(r).startsWith("recipients in AT are skipped"));
        assertThat(list.skipReason(2840)).isEmpty();
        assertThat(list.skipReason(2826)).isEmpty();
    }

    @Test
    void aCityCountsAsItsCountry() {
        assertThat(CountrySkipList.parse("GB").skipReason(1006886))
                .hasValueSatisfying(r -> assertThat(r).contains("GB"));
    }

    @Test
    void anUnknownOrMissingLocationIsNotSkipped() {
        CountrySkipList list = CountrySkipList.parse("DE");

        assertThat(list.skipReason(null)).isEmpty();
        assertThat(list.skipReason(2756)).isEmpty(); // Switzerland: not a location the project knows
        assertThat(list.skipReason(1003854)).isEmpty(); // some city code
    }

    @ParameterizedTest
    @CsvSource({
        "2840, US",
        "2124, CA",
        "2826, GB",
        "1006886, GB",
        "2276, DE",
        "2040, AT",
        "2250, FR",
        "2036, AU",
        "2372, IE",
        "2554, NZ",
        "2356, IN",
        "2724, ES",
        "2380, IT",
        "2528, NL",
    })
    void theKnownLocations(int code, String country) {
        assertThat(CountrySkipList.countryOf(code)).hasValue(country);
    }

    @Test
    void emptyTextSkipsNoOne() {
        for (String text : new String[] {"", "  ", null}) {
            CountrySkipList list = CountrySkipList.parse(text);
            assertThat(list.isEmpty()).isTrue();
            assertThat(list.skipReason(2276)).isEmpty();
            assertThat(CountrySkipList.check(text)).isEmpty();
        }
        assertThat(CountrySkipList.none().skipReason(2276)).isEmpty();
    }

    @Test
    void spacesAroundCodesAndRepeatsAreForgiven() {
        CountrySkipList list = CountrySkipList.parse(" DE , AT,DE ");

        assertThat(list.countries()).containsExactly("DE", "AT");
        assertThat(list.toString()).isEqualTo("DE,AT");
        assertThat(list).isEqualTo(CountrySkipList.parse("DE,AT"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de        | 'de' must be upper-case: DE",
                "De,AT     | 'De' must be upper-case: DE",
                "UK        | 'UK' is not an ISO 3166 code: the United Kingdom is GB",
                "uk        | 'uk' is not an ISO 3166 code: the United Kingdom is GB",
                "EU        | 'EU' is not a country: list the countries, e.g. DE,AT,FR",
                "DEU       | 'DEU' is not an ISO 3166 alpha-2 country code",
                "XX        | 'XX' is not an ISO 3166 alpha-2 country code",
                "DE,,AT    | the list has an empty entry",
                "DE;AT     | 'DE;AT' is not an ISO 3166 alpha-2 country code",
                "CH        | no known search location is in CH, so listing it would skip no one (known countries: AT, AU, CA, DE, ES, FR, GB, IE, IN, IT, NL, NZ, US)",
            })
    void badCodesAreRefusedWithTheReason(String text, String problem) {
        assertThatThrownBy(() -> CountrySkipList.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith(
                        "(write upper-case ISO 3166 country codes separated by commas, e.g. DE,AT, or nothing)");
        assertThat(CountrySkipList.check(text))
                .hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @Test
    void everyBadCodeIsNamedAtOnce() {
        assertThat(CountrySkipList.check("de,UK,XX"))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("'de' must be upper-case")
                        .contains("'UK' is not")
                        .contains("'XX' is not"));
    }
}
