package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.ParseCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When follow-ups go out ({@code outreach.followup.steps}, e.g. {@code 4d,8d}): step 1 four days after
 * the first message, step 2 eight days after it. Every step counts from the first message, not from the
 * previous follow-up, so the list reads as a calendar; the steps must therefore be strictly increasing.
 * Empty text means no follow-ups.
 */
public final class FollowupSteps {

    public static final int MAX_STEPS = 10;
    /** Anything sooner is a second email, not a follow-up. */
    public static final Duration MIN_DELAY = Duration.ofHours(1);

    private final List<Duration> delays;

    private FollowupSteps(List<Duration> delays) {
        this.delays = delays;
    }

    public static FollowupSteps none() {
        return new FollowupSteps(List.of());
    }

    /**
     * @throws IllegalArgumentException naming every step that is wrong, and why
     */
    public static FollowupSteps parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return none();
        }
        var problems = new ArrayList<String>();
        var delays = new ArrayList<Duration>();
        String[] items = t.split(",", -1);
        if (items.length > MAX_STEPS) {
            problems.add("there are " + items.length + " steps, at most " + MAX_STEPS + " are allowed");
        }
        Duration previous = null;
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            String step = "step " + (i + 1);
            if (item.isEmpty()) {
                problems.add(step + " is empty");
                previous = null;
                continue;
            }
            Duration d;
            try {
                d = DurationText.parse(item);
            } catch (IllegalArgumentException e) {
                problems.add(step + ": " + e.getMessage());
                previous = null;
                continue;
            }
            if (d.compareTo(MIN_DELAY) < 0) {
                problems.add(step + " (" + item + ") is sooner than " + DurationText.format(MIN_DELAY)
                        + " after the first message");
            }
            if (previous != null && d.compareTo(previous) <= 0) {
                problems.add(step + " (" + item + ") is not later than step " + i + " (" + DurationText.format(previous)
                        + "); every step counts from the first message");
            }
            delays.add(d);
            previous = d;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join("; ", problems)
                            + " (write the days after the first message, increasing, e.g. 4d,8d; or nothing for no follow-ups)");
        }
        return new FollowupSteps(List.copyOf(delays));
    }

    /** A setting's check: empty when the text is a list of steps, else what is wrong with it. */
    public static Optional<String> check(String text) {
        return ParseCheck.problem(text, FollowupSteps::parse);
    }

    /** Step n's time after the first message is element n - 1. */
    public List<Duration> delays() {
        return delays;
    }

    /**
     * The follow-up step that is due now, numbered from 1, or empty when none is: the next step after
     * {@code followupsSent} once its time after the first message has come. Steps are sent in order; a
     * step whose time passed while nothing was sent (the daemon was stopped) is still sent, and the next
     * one then waits for its own time only, which may have come as well: see the overload for a guard.
     */
    public Optional<Integer> dueStep(int followupsSent, Instant firstSentAt, Instant now) {
        return dueStep(followupsSent, firstSentAt, null, now);
    }

    /**
     * Like {@link #dueStep(int, Instant, Instant)}, and also keeps the planned distance to the previous
     * message: after a late follow-up, the next one waits as long after it as the steps say (with
     * {@code 4d,8d}, four days), so one recipient does not get two follow-ups in a row.
     *
     * @param lastSentAt the latest message to this recipient, first or follow-up; null when unknown
     */
    public Optional<Integer> dueStep(int followupsSent, Instant firstSentAt, Instant lastSentAt, Instant now) {
        return dueAt(followupsSent, firstSentAt, lastSentAt)
                .filter(at -> !now.isBefore(at))
                .map(at -> followupsSent + 1);
    }

    /**
     * When the next follow-up falls due, or empty when every step has been sent.
     *
     * @param lastSentAt the latest message to this recipient; null when unknown
     */
    public Optional<Instant> dueAt(int followupsSent, Instant firstSentAt, Instant lastSentAt) {
        if (followupsSent < 0) {
            throw new IllegalArgumentException("followupsSent cannot be negative, is " + followupsSent);
        }
        if (followupsSent >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(followupsSent);
        Instant due = Objects.requireNonNull(firstSentAt, "firstSentAt").plus(delay);
        if (lastSentAt != null) {
            Duration sincePrevious = followupsSent == 0 ? delay : delay.minus(delays.get(followupsSent - 1));
            Instant afterPrevious = lastSentAt.plus(sincePrevious);
            if (afterPrevious.isAfter(due)) {
                due = afterPrevious;
            }
        }
        return Optional.of(due);
    }

    /** The steps as a setting writes them, e.g. "4d,8d". */
    @Override
    public String toString() {
        return delays.stream().map(DurationText::format).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FollowupSteps s && delays.equals(s.delays);
    }

    @Override
    public int hashCode() {
        return delays.hashCode();
    }
}
