<#-- The plain-text body of a first-contact draft. Write each paragraph on ONE line and leave a blank
     line between paragraphs: the program wraps the text when it is sent (format=flowed, 72
     columns, links never cut), and, with HTML drafts on (outreach.drafts.html), makes the HTML part
     from this same text (a <p> per paragraph, links clickable), so the two always say the same.
     A single line break stays one (e.g. in the signature). Do not add the postal address, the
     unsubscribe link or where the address was found: the footer the send stage adds says those once.
     Variables, with an example (docs/templates.md says where each comes from):
       greeting         Hi Ana,            (Hi there, without a first name)
       firstName        Ana                fullName   Ana Lima      position  Senior Editor
       contactEmail     ana@greenthumb.example         domain     greenthumb.example
       siteName         Green Thumb        (split off the page title)
       pageTitle        Ten shade plants   (entities decoded, site name removed)
       pageUrl          https://greenthumb.example/shade?id=7   (tracking parameters removed)
       snippet          Ferns and hostas that thrive without sun.   (the SERP description)
       keyword          shade plants       location   United States   rank  4
       campaignName     acme               targetSite https://www.acme.example/shop
       targetDomain     acme.example       senderName Sam Sender
       senderSignature  Sam Sender\nGuest writer   (several lines; senderName when not set)
       step             0                  (the n-th follow-up is step n)
     These may be missing and need a default (${siteName!domain}) or an <#if x??>: firstName,
     fullName, position, siteName, pageTitle, pageUrl, snippet, keyword, location, rank, and
     targetSite / targetDomain when the campaign has no site; one used bare fails the draft
     instead of leaving a hole. -->
<#-- the SERP description, without the dots it often ends in, so it can be quoted in a sentence -->
<#assign blurb = (snippet!"")?trim?remove_ending("...")?remove_ending("…")?remove_ending(".")?trim>
${greeting}

<#if pageTitle??>I just read "${pageTitle}" on ${siteName!domain}<#else>I just came across ${siteName!domain}</#if><#if pageUrl??> (${pageUrl})</#if><#if keyword??> while looking into ${keyword}</#if><#if blurb?has_content>. "${blurb}" caught my eye, and the page lived up to it.<#else>, and enjoyed it.</#if>

Would you be open to a guest post on ${siteName!domain}? I would write an original article for your readers, free of charge, and ask only for <#if targetDomain??>one link to ${targetDomain}<#else>one link back to our site</#if> in it. If that sounds good, I can send two or three topic ideas first, so you can pick the one that suits, if any.

Thank you,
${senderSignature}
