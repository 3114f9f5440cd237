package dev.outreachpipeline.discovery;

/** How far two result URLs must agree to count as the same prospect. */
public enum DedupeMode {
    /** Same host once normalised: {@code blog.example.com} and {@code example.com} are two prospects. */
    HOST,
    /**
     * Same registrable domain: {@code blog.example.co.uk} and {@code www.example.co.uk} are one prospect
     * (one owner to contact), while sites under a shared suffix like {@code github.io} stay apart.
     */
    REGISTRABLE_DOMAIN
}
