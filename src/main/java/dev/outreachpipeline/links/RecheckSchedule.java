package dev.outreachpipeline.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a placement is checked next ({@code outreach.links.recheck-days}, e.g. 1,7,30): after its first
 * check in a status the first interval, after the second the next, and so on, the last repeating. A
 * check that changes the status starts over at the first interval, so a link that has just gone
 * missing (or come back) is looked at again soon, and a link that stays as it was is looked at less
 * and less often.
 */
public record RecheckSchedule(List<Duration> intervals) {

    public RecheckSchedule {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("a recheck schedule needs at least one interval");
        }
        intervals = List.copyOf(intervals);
    }

    /** From the setting's text, e.g. {@code 1,7,30} (days). */
    public static RecheckSchedule parse(String days) {
        Optional<String> problem = checkSetting(days);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        var out = new ArrayList<Duration>();
        for (String d : days.split(",")) {
            out.add(Duration.ofDays(Integer.parseInt(d.strip())));
        }
        return new RecheckSchedule(out);
    }

    /** ConfigSchema's check of {@code outreach.links.recheck-days}: whole days 1-3650, comma-separated. */
    public static Optional<String> checkSetting(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("needs at least one number of days, e.g. 1,7,30");
        }
        for (String d : value.split(",")) {
            try {
                int n = Integer.parseInt(d.strip());
                if (n < 1 || n > 3650) {
                    return Optional.of("each interval must be 1 to 3650 days, not " + n);
                }
            } catch (NumberFormatException e) {
                return Optional.of("'" + d.strip() + "' is not a whole number of days (e.g. 1,7,30)");
            }
        }
        return Optional.empty();
    }

    /**
     * @param now            when this check ran
     * @param checksInStatus checks so far in the status this check left, this one included (1 after a change)
     */
    public Instant next(Instant now, int checksInStatus) {
        int i = Math.min(Math.max(checksInStatus, 1), intervals.size()) - 1;
        return now.plus(intervals.get(i));
    }
}
