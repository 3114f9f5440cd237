<#-- The plain-text body of a follow-up, sent in the same thread as the first message. As in
     body.txt.ftl, write each paragraph on one line with a blank line between paragraphs: the
     program wraps the text when it is sent, and the footer (postal address, unsubscribe link) is
     added then too.
     Variables, with an example: step (1, 2, …), greeting (Hi Ana,), firstName (Ana; may be
     missing), domain (greenthumb.example), senderName (Sam Sender), senderSignature (Sam
     Sender\nGuest writer; senderName when not set), and the campaign's campaignName (acme),
     targetSite (https://www.acme.example/shop) and targetDomain (acme.example), these two missing
     when the campaign has no site. -->
${greeting}

<#if step == 1>I am writing again about a guest post for ${domain}, in case my first note got buried. I would still be glad to write an original article for your readers<#if targetDomain??>, asking only for a link to ${targetDomain} in return</#if>. A short yes or no is plenty.<#else>One last note about a guest post for ${domain}: if it is not a fit, no reply is needed, and I will not write about it again.</#if>

Thank you,
${senderSignature}
