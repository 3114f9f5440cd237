package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.ParseCheck;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When mail may go out: {@code always}, or days, hours and a time zone, e.g.
 * {@code Mon-Fri 09:00-17:00 Europe/Berlin}, {@code Mon,Wed,Fri 08:30-12:00 UTC}. Days are Mon … Sun
 * (any case), single or as ranges, comma-separated; a range may wrap over the weekend ({@code Fri-Mon}
 * is Friday to Monday). The hours are a wall-clock time in the zone, the start included and the end
 * not; {@code 24:00} ends a window at midnight, so {@code 00:00-24:00} is the whole day.
 *
 * <p>A window whose end is before its start runs over midnight, and its days name the day it
 * <em>opens</em> on: {@code Fri 22:00-02:00} is open from Friday 22:00 to Saturday 02:00, not in the
 * early hours of Friday. That is how shop and shift hours are read, and it keeps one evening one window.
 *
 * <p>Hours are wall-clock hours, so the window follows daylight-saving changes: {@code 09:00} is 09:00
 * in winter and in summer. On the night the clocks go forward, a window that would open in the skipped
 * hour opens when the clocks jump (in Europe/Berlin, 02:30 opens at 03:00 summer time); on the night
 * they go back, the repeated hour is inside the window both times it passes.
 */
public final class SendWindow {

    private static final String EXAMPLE = "write e.g. 'Mon-Fri 09:00-17:00 Europe/Berlin' or 'always'";
    private static final Pattern DAY_ITEM = Pattern.compile("([A-Za-z]+)(?:-([A-Za-z]+))?");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final String text;
    private final Set<DayOfWeek> days;
    private final LocalTime start;
    /** Null for 24:00, the end of the day. */
    private final LocalTime end;

    private final ZoneId zone;

    private SendWindow(String text, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {
        this.text = text;
        this.days = days;
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    public static SendWindow always() {
        return new SendWindow("always", EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, null, ZoneOffset.UTC);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, with an example of a valid window
     */
    public static SendWindow parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return parseTrimmed(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + t + "' is not a send window: " + e.getMessage() + "; " + EXAMPLE, e);
        }
    }

    /** A setting's check: empty when the text is a send window, else what is wrong with it. */
    public static Optional<String> check(String text) {
        return ParseCheck.problem(text, SendWindow::parse);
    }

    private static SendWindow parseTrimmed(String t) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (t.equalsIgnoreCase("always")) {
            return new SendWindow(t, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, null, ZoneOffset.UTC);
        }
        // "Mon, Wed" is still one list of days; every other space separates the three parts.
        String[] parts = t.replaceAll("\\s*,\\s*", ",").split("\\s+");
        if (parts.length != 3) {
            if (parts.length == 2 && HOURS.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(
                        "it names no time zone; add one after the hours, such as Europe/Berlin or UTC");
            }
            if (parts.length == 2 && HOURS.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(
                        "it names no days; put them before the hours, such as Mon-Fri or Mon-Sun");
            }
            throw new IllegalArgumentException("it must be days, hours and a time zone separated by spaces");
        }
        Set<DayOfWeek> days = parseDays(parts[0]);
        Matcher hours = HOURS.matcher(parts[1]);
        if (!hours.matches()) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a time range such as 09:00-17:00");
        }
        LocalTime start = time(hours.group(1), hours.group(2), parts[1], false);
        LocalTime end = time(hours.group(3), hours.group(4), parts[1], true);
        if (start.equals(end)) {
            throw new IllegalArgumentException(
                    "'" + parts[1] + "' starts and ends at the same time;" + " for whole days write 00:00-24:00");
        }
        return new SendWindow(t, days, start, end, zone(parts[2]));
    }

    private static Set<DayOfWeek> parseDays(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : list.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("the days '" + list + "' have an empty entry");
            }
            Matcher m = DAY_ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "'" + item + "' is not a day or a range of days such as Mon or Mon-Fri");
            }
            DayOfWeek first = day(m.group(1));
            if (m.group(2) == null) {
                days.add(first);
                continue;
            }
            DayOfWeek last = day(m.group(2));
            if (first == last) {
                throw new IllegalArgumentException("'" + item + "' is one day; write " + m.group(1)
                        + " alone, or a range such as Mon-Sun for every day");
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        int i = DAY_NAMES.indexOf(name.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a day; days are Mon, Tue, Wed, Thu, Fri, Sat and Sun");
        }
        return DayOfWeek.of(i + 1);
    }

    /** Null for an end of 24:00. */
    private static LocalTime time(String hour, String minute, String range, boolean isEnd) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (isEnd && h == 24 && m == 0) {
            return null;
        }
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException(
                    "'" + range + "' has a time that is not on the 24-hour clock (00:00 to 23:59"
                            + (isEnd ? ", or 24:00 for midnight at the end" : "") + ")");
        }
        return LocalTime.of(h, m);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + id + "' is not a time zone; use a region such as Europe/Berlin,"
                    + " America/New_York or UTC");
        }
    }

    public boolean isAlways() {
        return text.equalsIgnoreCase("always");
    }

    /** The zone the hours are read in (UTC for {@code always}). */
    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        if (isAlways()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        boolean afterStart = !time.isBefore(start);
        if (!overMidnight()) {
            return days.contains(date.getDayOfWeek()) && afterStart && (end == null || time.isBefore(end));
        }
        return days.contains(date.getDayOfWeek()) && afterStart
                || days.contains(date.minusDays(1).getDayOfWeek()) && time.isBefore(end);
    }

    /**
     * The first moment at or after {@code from} when the window is open: {@code from} itself when it is
     * open then.
     */
    public Instant nextOpening(Instant from) {
        if (isOpen(from)) {
            return from;
        }
        // The window can only become open where the wall clock reaches a start time, or where it jumps
        // (a daylight-saving change): collect those moments for the next week or so and take the first
        // one that is open. Both offsets of a repeated hour are tried, as the clock reads it twice.
        var moments = new TreeSet<Instant>();
        LocalDate today = from.atZone(zone).toLocalDate();
        for (int i = -1; i <= 8; i++) {
            LocalDate date = today.plusDays(i);
            if (days.contains(date.getDayOfWeek())) {
                ZonedDateTime opening = date.atTime(start).atZone(zone);
                moments.add(opening.withEarlierOffsetAtOverlap().toInstant());
                moments.add(opening.withLaterOffsetAtOverlap().toInstant());
            }
        }
        Instant horizon = from.plus(Duration.ofDays(9));
        for (ZoneOffsetTransition jump = zone.getRules().nextTransition(from);
                jump != null && jump.getInstant().isBefore(horizon);
                jump = zone.getRules().nextTransition(jump.getInstant())) {
            moments.add(jump.getInstant());
        }
        return moments.tailSet(from, false).stream()
                .filter(this::isOpen)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("send window " + text + " has no opening after " + from));
    }

    /** A moment as the window's wall clock shows it, e.g. "Mon 09:00 Europe/Berlin". */
    public String localTime(Instant at) {
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId();
    }

    private boolean overMidnight() {
        return end != null && end.isBefore(start);
    }

    /** The window as it was written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendWindow w && text.equals(w.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
