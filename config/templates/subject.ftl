<#-- The subject of a first-contact draft. Each non-blank line is one subject: with several, each
     prospect gets one of them, chosen by a hash of its domain (a redraft keeps it), and which one
     is recorded (prospects show). Runs of spaces are folded, and it is cut to 998 characters (the
     subject gate allows 120). Each line must read well with and without siteName, which falls back
     to the domain. The variables are those of body.txt.ftl. -->
A guest post idea for ${siteName!domain}
<#if keyword??>An article on ${keyword} for ${siteName!domain}<#else>An article for your readers at ${siteName!domain}</#if>
Could I write something for ${siteName!domain}?
