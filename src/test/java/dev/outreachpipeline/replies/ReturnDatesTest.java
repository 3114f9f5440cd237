package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnDatesTest {

    private static final LocalDate SENT = LocalDate.of(2026, 12, 20);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "I am back on 14 January. | 2027-01-14",
                "Out of office until 2027-01-14, limited access. | 2027-01-14",
                "I will be back on January 14th, 2027. | 2027-01-14",
                "Away from 22 December until Jan 4 | 2027-01-04",
                "Ich bin zurück am 14.01.2027. | 2027-01-14",
                "Ab dem 7. Januar 2027 bin ich wieder erreichbar. | 2027-01-07",
                "Je suis de retour le 14 janvier. | 2027-01-14",
                "De retour le 1er février 2027 | 2027-02-01",
                "Estaré fuera hasta el 14 de enero de 2027. | 2027-01-14",
                "Volveré el 8 de enero. | 2027-01-08",
            })
    void theStatedReturnIsRead(String text, LocalDate expected) {
        assertThat(ReturnDates.find(text, SENT)).contains(expected);
    }

    @Test
    void aDayWithoutAYearIsTheNextOneAndDatesInThePastOrFarAheadAreNoReturn() {
        assertThat(ReturnDates.find("back on 3 March", SENT)).contains(LocalDate.of(2027, 3, 3));
        assertThat(ReturnDates.find("I wrote this on 2025-05-01", SENT)).isEmpty();
        assertThat(ReturnDates.find("see you 2030-01-01", SENT)).isEmpty();
        assertThat(ReturnDates.find("back next week", SENT)).isEmpty();
        assertThat(ReturnDates.find(null, SENT)).isEmpty();
    }
}
