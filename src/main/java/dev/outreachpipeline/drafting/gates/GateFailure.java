package dev.outreachpipeline.drafting.gates;

/**
 * The first gate a draft failed, and why.
 *
 * @param gate    the gate's name
 * @param message what is wrong, and what to change
 */
public record GateFailure(String gate, String message) {

    /** What is recorded as the prospect's last error and shown by {@code prospects show}. */
    public String recorded() {
        return "quality gate '" + gate + "': " + message;
    }
}
