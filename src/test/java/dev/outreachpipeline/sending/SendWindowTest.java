package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A wall-clock time in Berlin; on a repeated hour, the first time it passes. */
    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    // 2026-03-02 is a Monday.

    @Test
    void officeHoursAreOpenFromTheStartUntilJustBeforeTheEnd() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.isOpen(berlin("2026-03-02T08:59:59"))).isFalse();
        assertThat(w.isOpen(berlin("2026-03-02T09:00"))).isTrue();
        assertThat(w.isOpen(berlin("2026-03-06T16:59:59"))).isTrue();
        assertThat(w.isOpen(berlin("2026-03-06T17:00"))).isFalse();
        assertThat(w.isOpen(berlin("2026-03-07T12:00"))).isFalse();
        assertThat(w.isOpen(berlin("2026-03-08T12:00"))).isFalse();
    }

    @Test
    void theHoursAreReadInTheWindowsZone() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.isOpen(utc("2026-03-02T08:00"))).isTrue(); // 09:00 CET
        assertThat(w.isOpen(utc("2026-03-02T07:59"))).isFalse();
        assertThat(w.isOpen(utc("2026-07-06T07:00"))).isTrue(); // 09:00 CEST
        assertThat(w.isOpen(utc("2026-07-06T15:00"))).isFalse(); // 17:00 CEST
    }

    @Test
    void nextOpeningIsTheNextStartOnAListedDay() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.nextOpening(berlin("2026-03-02T07:00"))).isEqualTo(berlin("2026-03-02T09:00"));
        assertThat(w.nextOpening(berlin("2026-03-02T17:00"))).isEqualTo(berlin("2026-03-03T09:00"));
        assertThat(w.nextOpening(berlin("2026-03-06T17:30"))).isEqualTo(berlin("2026-03-09T09:00"));
        assertThat(w.nextOpening(berlin("2026-03-08T23:59:59"))).isEqualTo(berlin("2026-03-09T09:00"));
    }

    @Test
    void nextOpeningOfAnOpenWindowIsNow() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");
        Instant now = berlin("2026-03-04T11:23:45.678");

        assertThat(w.nextOpening(now)).isEqualTo(now);
    }

    @Test
    void alwaysIsAlwaysOpen() {
        SendWindow w = SendWindow.parse("always");
        Instant now = Instant.parse("2026-03-08T03:04:05Z");

        assertThat(w.isAlways()).isTrue();
        assertThat(w.isOpen(now)).isTrue();
        assertThat(w.nextOpening(now)).isEqualTo(now);
        assertThat(w.toString()).isEqualTo("always");
        assertThat(SendWindow.parse(" ALWAYS ").isAlways()).isTrue();
        assertThat(SendWindow.always().isOpen(now)).isTrue();
    }

    @Test
    void aListOfDays() {
        SendWindow w = SendWindow.parse("Mon,Wed,Fri 08:30-12:00 UTC");

        assertThat(w.isOpen(utc("2026-03-02T08:30"))).isTrue(); // Mon
        assertThat(w.isOpen(utc("2026-03-03T09:00"))).isFalse(); // Tue
        assertThat(w.isOpen(utc("2026-03-04T11:59"))).isTrue(); // Wed
        assertThat(w.isOpen(utc("2026-03-04T12:00"))).isFalse();
        assertThat(w.nextOpening(utc("2026-03-04T12:00"))).isEqualTo(utc("2026-03-06T08:30"));
        assertThat(w.nextOpening(utc("2026-03-06T12:00"))).isEqualTo(utc("2026-03-09T08:30"));
    }

    @Test
    void listsMayMixDaysAndRangesAndHaveSpacesAfterCommas() {
        SendWindow w = SendWindow.parse("mon, Wed-THU,sun 10:00-11:00 UTC");

        assertThat(w.isOpen(utc("2026-03-02T10:00"))).isTrue(); // Mon
        assertThat(w.isOpen(utc("2026-03-03T10:00"))).isFalse(); // Tue
        assertThat(w.isOpen(utc("2026-03-04T10:00"))).isTrue(); // Wed
        assertThat(w.isOpen(utc("2026-03-05T10:00"))).isTrue(); // Thu
        assertThat(w.isOpen(utc("2026-03-06T10:00"))).isFalse(); // Fri
        assertThat(w.isOpen(utc("2026-03-08T10:00"))).isTrue(); // Sun
    }

    @Test
    void weekendsInNewYork() {
        SendWindow w = SendWindow.parse("Sat-Sun 10:00-14:00 America/New_York");

        assertThat(w.isOpen(utc("2026-03-07T15:00"))).isTrue(); // Sat 10:00 EST
        assertThat(w.isOpen(utc("2026-03-07T14:59"))).isFalse();
        assertThat(w.isOpen(utc("2026-03-08T17:59"))).isTrue(); // Sun 13:59 EDT (clocks went forward that night)
        assertThat(w.isOpen(utc("2026-03-08T18:00"))).isFalse(); // Sun 14:00 EDT
        assertThat(w.nextOpening(utc("2026-03-09T12:00"))).isEqualTo(utc("2026-03-14T14:00")); // Sat 10:00 EDT
    }

    @Test
    void aRangeOfDaysMayWrapOverTheWeekend() {
        SendWindow w = SendWindow.parse("Fri-Mon 10:00-16:00 UTC");

        assertThat(w.isOpen(utc("2026-03-06T12:00"))).isTrue(); // Fri
        assertThat(w.isOpen(utc("2026-03-07T12:00"))).isTrue(); // Sat
        assertThat(w.isOpen(utc("2026-03-08T12:00"))).isTrue(); // Sun
        assertThat(w.isOpen(utc("2026-03-09T12:00"))).isTrue(); // Mon
        assertThat(w.isOpen(utc("2026-03-10T12:00"))).isFalse(); // Tue
        assertThat(w.isOpen(utc("2026-03-11T12:00"))).isFalse(); // Wed
        assertThat(w.isOpen(utc("2026-03-12T12:00"))).isFalse(); // Thu
        assertThat(w.nextOpening(utc("2026-03-09T16:00"))).isEqualTo(utc("2026-03-13T10:00"));
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItOpensOn() {
        SendWindow w = SendWindow.parse("Fri 22:00-02:00 UTC");

        assertThat(w.isOpen(utc("2026-03-05T23:00"))).isFalse(); // Thu night
        assertThat(w.isOpen(utc("2026-03-06T01:00"))).isFalse(); // early Friday: Thursday's night, not listed
        assertThat(w.isOpen(utc("2026-03-06T21:59"))).isFalse();
        assertThat(w.isOpen(utc("2026-03-06T22:00"))).isTrue(); // Fri night
        assertThat(w.isOpen(utc("2026-03-07T00:30"))).isTrue(); // still Friday's night
        assertThat(w.isOpen(utc("2026-03-07T01:59:59"))).isTrue();
        assertThat(w.isOpen(utc("2026-03-07T02:00"))).isFalse();
        assertThat(w.isOpen(utc("2026-03-07T22:30"))).isFalse(); // Sat night
        assertThat(w.nextOpening(utc("2026-03-07T02:00"))).isEqualTo(utc("2026-03-13T22:00"));
        assertThat(w.nextOpening(utc("2026-03-07T01:00"))).isEqualTo(utc("2026-03-07T01:00"));
    }

    @Test
    void aWindowOverMidnightOnSundayRunsIntoMonday() {
        SendWindow w = SendWindow.parse("Sun 22:00-02:00 UTC");

        assertThat(w.isOpen(utc("2026-03-09T01:00"))).isTrue(); // Mon early
        assertThat(w.isOpen(utc("2026-03-08T01:00"))).isFalse(); // Sun early: Saturday's night
    }

    @Test
    void wholeDaysAndWindowsEndingAtMidnight() {
        SendWindow whole = SendWindow.parse("Sat 00:00-24:00 UTC");
        assertThat(whole.isOpen(utc("2026-03-07T00:00"))).isTrue();
        assertThat(whole.isOpen(utc("2026-03-07T23:59:59.999"))).isTrue();
        assertThat(whole.isOpen(utc("2026-03-08T00:00"))).isFalse();

        SendWindow evening = SendWindow.parse("Sat 22:00-24:00 UTC");
        SendWindow evening2 = SendWindow.parse("Sat 22:00-00:00 UTC");
        for (String t : new String[] {
            "2026-03-07T21:59", "2026-03-07T22:00", "2026-03-07T23:59", "2026-03-08T00:00", "2026-03-08T01:00"
        }) {
            assertThat(evening2.isOpen(utc(t))).as(t).isEqualTo(evening.isOpen(utc(t)));
        }
        assertThat(evening.isOpen(utc("2026-03-07T23:59"))).isTrue();
        assertThat(evening.isOpen(utc("2026-03-08T00:00"))).isFalse();
    }

    @Test
    void toStringIsTheWindowAsWritten() {
        assertThat(SendWindow.parse("  Mon-Fri 09:00-17:00 Europe/Berlin ").toString())
                .isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");
        assertThat(SendWindow.parse("mon, wed 8:30-12:00 UTC").toString()).isEqualTo("mon, wed 8:30-12:00 UTC");
    }

    @Test
    void localTimeShowsTheWindowsWallClock() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.localTime(utc("2026-03-02T08:00"))).isEqualTo("Mon 09:00 Europe/Berlin");
        assertThat(w.localTime(utc("2026-07-06T07:00"))).isEqualTo("Mon 09:00 Europe/Berlin");
    }

    // --- Daylight saving in Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST, 2026-10-25 03:00 CEST -> 02:00 CET

    @Test
    void theWallClockHoursHoldAcrossTheChangeToSummerTime() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.nextOpening(berlin("2026-03-27T17:00"))).isEqualTo(utc("2026-03-30T07:00"));
        assertThat(w.nextOpening(utc("2026-03-27T16:30"))).isEqualTo(utc("2026-03-30T07:00"));
        assertThat(w.isOpen(utc("2026-03-27T15:30"))).isTrue(); // Fri 16:30 CET
        assertThat(w.isOpen(utc("2026-03-30T15:30"))).isFalse(); // Mon 17:30 CEST
    }

    @Test
    void theWallClockHoursHoldAcrossTheChangeToWinterTime() {
        SendWindow w = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

        assertThat(w.nextOpening(berlin("2026-10-23T17:00"))).isEqualTo(utc("2026-10-26T08:00"));
        assertThat(w.isOpen(utc("2026-10-23T14:59"))).isTrue(); // Fri 16:59 CEST
        assertThat(w.isOpen(utc("2026-10-26T15:59"))).isTrue(); // Mon 16:59 CET
        assertThat(w.isOpen(utc("2026-10-26T16:00"))).isFalse();
    }

    @Test
    void aWindowOpeningInTheSkippedHourOpensWhenTheClocksJump() {
        SendWindow w = SendWindow.parse("Sun 02:30-04:00 Europe/Berlin");

        assertThat(w.isOpen(utc("2026-03-29T00:59:59"))).isFalse(); // 01:59:59 CET
        assertThat(w.isOpen(utc("2026-03-29T01:00"))).isTrue(); // 03:00 CEST
        assertThat(w.nextOpening(berlin("2026-03-29T00:00"))).isEqualTo(utc("2026-03-29T01:00"));
        assertThat(w.nextOpening(utc("2026-03-29T02:00"))).isEqualTo(utc("2026-04-05T00:30")); // next Sunday 02:30 CEST
    }

    @Test
    void aWindowInsideTheSkippedHourDoesNotOpenThatNight() {
        SendWindow w = SendWindow.parse("Sun 02:00-02:30 Europe/Berlin");

        // 02:00-02:30 does not exist that night; the clock reads 03:00 at once, after the window.
        assertThat(w.isOpen(utc("2026-03-29T01:00"))).isFalse();
        assertThat(w.nextOpening(berlin("2026-03-29T00:00"))).isEqualTo(utc("2026-04-05T00:00"));
    }

    @Test
    void theRepeatedHourIsInsideTheWindowBothTimes() {
        SendWindow w = SendWindow.parse("Sun 02:00-02:30 Europe/Berlin");

        assertThat(w.isOpen(utc("2026-10-25T00:00"))).isTrue(); // 02:00 CEST
        assertThat(w.isOpen(utc("2026-10-25T00:30"))).isFalse(); // 02:30 CEST
        assertThat(w.nextOpening(utc("2026-10-25T00:30"))).isEqualTo(utc("2026-10-25T01:00")); // 02:00 CET
        assertThat(w.isOpen(utc("2026-10-25T01:29"))).isTrue();
        assertThat(w.nextOpening(utc("2026-10-25T01:30"))).isEqualTo(utc("2026-11-01T01:00"));
    }

    @Test
    void aWindowOpeningLateInTheRepeatedHourOpensAgainTheSecondTime() {
        SendWindow w = SendWindow.parse("Sun 02:40-02:50 Europe/Berlin");

        assertThat(w.nextOpening(utc("2026-10-24T23:00"))).isEqualTo(utc("2026-10-25T00:40")); // 02:40 CEST
        assertThat(w.nextOpening(utc("2026-10-25T00:55"))).isEqualTo(utc("2026-10-25T01:40")); // 02:40 CET
    }

    @Test
    void whenTheClockGoesBackIntoAWindowItReopensAtTheChange() {
        SendWindow w = SendWindow.parse("Sun 01:00-02:30 Europe/Berlin");

        // 02:45 CEST is after the window; an instant later the clock reads 02:00 CET, inside it again.
        assertThat(w.isOpen(utc("2026-10-25T00:45"))).isFalse();
        assertThat(w.nextOpening(utc("2026-10-25T00:45"))).isEqualTo(utc("2026-10-25T01:00"));
    }

    @Test
    void aWindowOverMidnightAcrossTheChangeToSummerTime() {
        SendWindow w = SendWindow.parse("Sat 22:00-06:00 Europe/Berlin");

        assertThat(w.isOpen(utc("2026-03-28T21:00"))).isTrue(); // Sat 22:00 CET
        assertThat(w.isOpen(utc("2026-03-29T03:59"))).isTrue(); // Sun 05:59 CEST
        assertThat(w.isOpen(utc("2026-03-29T04:00"))).isFalse(); // Sun 06:00 CEST
        assertThat(w.nextOpening(utc("2026-03-29T04:00"))).isEqualTo(utc("2026-04-04T20:00")); // Sat 22:00 CEST
    }

    // --- What is not a send window

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                   | it is empty",
                "Mon-Fri 09:00-17:00                  | it names no time zone; add one after the hours, such as Europe/Berlin or UTC",
                "09:00-17:00 UTC                      | it names no days",
                "weekdays                             | it must be days, hours and a time zone separated by spaces",
                "Mon-Fri 09:00 - 17:00 UTC            | it must be days, hours and a time zone",
                "Monday-Friday 09:00-17:00 UTC        | 'Monday' is not a day; days are Mon, Tue, Wed, Thu, Fri, Sat and Sun",
                "Mon-Fry 09:00-17:00 UTC              | 'Fry' is not a day",
                "Mon,,Fri 09:00-17:00 UTC             | the days 'Mon,,Fri' have an empty entry",
                "Mon-Fri-Sat 09:00-17:00 UTC          | 'Mon-Fri-Sat' is not a day or a range of days such as Mon or Mon-Fri",
                "Mon-Mon 09:00-17:00 UTC              | 'Mon-Mon' is one day; write Mon alone, or a range such as Mon-Sun for every day",
                "Mon-Fri 9-17 UTC                     | '9-17' is not a time range such as 09:00-17:00",
                "Mon-Fri 09:00-25:00 UTC              | '09:00-25:00' has a time that is not on the 24-hour clock (00:00 to 23:59, or 24:00 for midnight at the end)",
                "Mon-Fri 24:00-08:00 UTC              | '24:00-08:00' has a time that is not on the 24-hour clock (00:00 to 23:59)",
                "Mon-Fri 09:60-17:00 UTC              | '09:60-17:00' has a time that is not on the 24-hour clock",
                "Mon-Fri 09:00-09:00 UTC              | '09:00-09:00' starts and ends at the same time; for whole days write 00:00-24:00",
                "Mon-Fri 09:00-17:00 Berlin           | 'Berlin' is not a time zone; use a region such as Europe/Berlin, America/New_York or UTC",
                "Mon-Fri 09:00-17:00 Europe/Atlantis  | 'Europe/Atlantis' is not a time zone",
                "Mon-Fri 09:00-17:00 Europe/Berlin x  | it must be days, hours and a time zone",
            })
    void invalidTextSaysWhatIsWrongAndGivesAnExample(String text, String problem) {
        assertThatThrownBy(() -> SendWindow.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a send window: " + problem)
                .hasMessageEndingWith("; write e.g. 'Mon-Fri 09:00-17:00 Europe/Berlin' or 'always'");
        assertThat(SendWindow.check(text)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @Test
    void theMessageQuotesTheText() {
        assertThatThrownBy(() -> SendWindow.parse("Mon-Fri 9-17 UTC"))
                .hasMessageStartingWith("'Mon-Fri 9-17 UTC' is not a send window: ");
        assertThatThrownBy(() -> SendWindow.parse(null)).hasMessageContaining("it is empty");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "always",
                "Mon-Fri 09:00-17:00 Europe/Berlin",
                "Mon,Wed,Fri 08:30-12:00 UTC",
                "Sat-Sun 10:00-14:00 America/New_York",
                "Fri-Mon 22:00-02:00 UTC",
                "Mon-Sun 00:00-24:00 Asia/Kolkata",
                "Tue 7:05-9:00 +05:30"
            })
    void validWindowsPassTheCheck(String text) {
        assertThat(SendWindow.check(text)).isEmpty();
    }

    @Test
    void windowsAreEqualWhenWrittenAlike() {
        assertThat(SendWindow.parse("Mon-Fri 09:00-17:00 UTC")).isEqualTo(SendWindow.parse(" Mon-Fri 09:00-17:00 UTC"));
        assertThat(SendWindow.parse("Mon-Fri 09:00-17:00 UTC"))
                .isNotEqualTo(SendWindow.parse("Mon-Fri 09:00-18:00 UTC"));
    }
}
