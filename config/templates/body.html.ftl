<#-- The HTML body of a first-contact draft: the same message as body.txt.ftl. It is rendered in
     FreeMarker's HTML output format, so every ${...} is HTML-escaped; a template that turns that
     off is refused. Without a campaign site (targetDomain missing) it asks for "one link back to our
     site", as body.txt.ftl does.
     The variables are those of body.txt.ftl. senderSignature may hold several lines: print it
     with <#list senderSignature?split("\n") as line>${line}<br></#list>. -->
<!DOCTYPE html>
<html>
<body>
<p>${greeting}</p>
<p>I came across your page &ldquo;${pageTitle!domain}&rdquo;<#if pageUrl??> (${pageUrl})</#if>
while reading about <#if keyword??>${keyword}<#else>topics close to ours</#if>, and enjoyed it.</p>
<p>Would you be open to a guest post on ${domain}? I would write an original
article for your readers, free of charge; all I would ask is <#if targetDomain??>a link to
${targetDomain}<#else>one link back to
our site</#if>. I am happy to send a few topic ideas first, so you can say which,
if any, would suit.</p>
<p>Thank you for reading,<br>
${senderName}</p>
</body>
</html>
