package dev.outreachpipeline.prospects;

import java.util.List;

/** Every status the pipeline gives a prospect, in the order a prospect usually passes through them. */
public final class ProspectStatuses {

    public static final List<String> ALL = List.of(
            "pending",
            "enriching",
            "enriched",
            "no_email",
            "do_not_contact",
            "enrich_failed",
            "drafting",
            "drafted",
            "draft_failed",
            "approved",
            "rejected",
            "skipped",
            "suppressed",
            "sending",
            "sent",
            "send_unknown",
            "failed",
            "followup_due",
            "replied",
            "bounced",
            "unsubscribed");

    private ProspectStatuses() {}
}
