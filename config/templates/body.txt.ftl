<#-- The plain-text body of a first-contact draft.
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
${greeting}

I came across your page "${pageTitle!domain}"<#if pageUrl??> (${pageUrl})</#if>
while reading about <#if keyword??>${keyword}<#else>topics close to ours</#if>, and enjoyed it.

Would you be open to a guest post on ${domain}? I would write an original
article for your readers, free of charge; all I would ask is <#if targetDomain??>a link to
${targetDomain}<#else>one link back to
our site</#if>. I am happy to send a few topic ideas first, so you can say which,
if any, would suit.

Thank you for reading,
${senderName}

