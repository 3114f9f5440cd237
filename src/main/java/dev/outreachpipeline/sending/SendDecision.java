package dev.outreachpipeline.sending;

import java.util.Objects;

/**
 * What a send job does next, as the route reads it ({@code ${variable.decision.kind} == 'wait'}):
 * send the next message now, wait a short while inside the job, or stop the job and say why.
 *
 * @param kind       {@code send}, {@code wait} or {@code stop}; a string because the route compares it
 * @param waitMillis how long to wait before deciding again (0 unless kind is {@code wait} or {@code stop})
 * @param reason     one sentence for the operator: why not now (empty when kind is {@code send})
 */
public record SendDecision(String kind, long waitMillis, String reason) {

    public static final String SEND = "send";
    public static final String WAIT = "wait";
    public static final String STOP = "stop";

    public SendDecision {
        if (!SEND.equals(kind) && !WAIT.equals(kind) && !STOP.equals(kind)) {
            throw new IllegalArgumentException("a send decision is send, wait or stop, not " + kind);
        }
        Objects.requireNonNull(reason, "reason");
        waitMillis = Math.max(0, waitMillis);
    }

    public static SendDecision sendNow() {
        return new SendDecision(SEND, 0, "");
    }

    public static SendDecision waitFor(long millis, String reason) {
        return new SendDecision(WAIT, millis, reason);
    }

    public static SendDecision stop(String reason) {
        return new SendDecision(STOP, 0, reason);
    }
}
