package dev.outreachpipeline.drafting;

import dev.outreachpipeline.config.OutreachConfig;

/** The drafting part of the configuration. */
public record DraftSettings(
        String templatesDir, boolean html, String senderName, boolean requireApproval, String senderSignature) {

    public static DraftSettings from(OutreachConfig c) {
        return new DraftSettings(
                c.get("outreach.drafts.templates-dir"),
                c.getBoolean("outreach.drafts.html"),
                c.get("outreach.sender.name"),
                c.getBoolean("outreach.send.require-approval"),
                c.get("outreach.sender.signature"));
    }
}
