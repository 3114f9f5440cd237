<#-- The plain-text body of a first-contact draft. Variables: greeting, firstName, contactEmail,
     domain, pageTitle, pageUrl, keyword, location, senderName, and the campaign's campaignName,
     targetSite (its site's URL) and targetDomain (that site's host, without www.). Those that may
     be missing (firstName, pageTitle, pageUrl, keyword, location; targetSite and targetDomain when
     the campaign has no site) need a default (${pageTitle!domain}) or an <#if x??>; using one bare
     fails the draft instead of leaving a hole. -->
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

----
Where I found your address: Hunter.io, a service that collects email addresses
published on public web pages, lists ${contactEmail} for ${domain}.
If you would rather not hear from me, reply and say so, and I will not write
again.
