<#-- The plain-text body of a follow-up, sent in the same thread as the first message.
     Variables, with an example: step (1, 2, …), greeting (Hi Ana,), firstName (Ana; may be
     missing), domain (greenthumb.example), senderName (Sam Sender), senderSignature (Sam
     Sender\nGuest writer; senderName when not set), and the campaign's campaignName (acme),
     targetSite (https://www.acme.example/shop) and targetDomain (acme.example), these two missing
     when the campaign has no site. -->
${greeting}

<#if step == 1>I am following up on my note about a guest post for ${domain}, in case it got
buried. I would still be glad to write something original for your readers<#if targetDomain??>,
asking only for a link to ${targetDomain} in return</#if>.<#else>One last note about a guest post for ${domain}: if it is not a fit, no reply is
needed, and I will not write again about it.</#if>

Thank you,
${senderName}
