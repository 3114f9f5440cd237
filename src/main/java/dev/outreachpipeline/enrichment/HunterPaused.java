package dev.outreachpipeline.enrichment;

/** Hunter's quota for the billing period is spent, or the account is restricted: stop calling it. */
public final class HunterPaused extends RuntimeException {

    private final boolean restricted;

    public HunterPaused(String reason, boolean restricted) {
        super(reason);
        this.restricted = restricted;
    }

    public boolean restricted() {
        return restricted;
    }
}
