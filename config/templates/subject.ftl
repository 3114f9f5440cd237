<#-- The subject of a first-contact draft. Line breaks and runs of spaces are folded into one line
     and it is cut to 998 characters after rendering, so it may be written over several lines.
     The variables are those of body.txt.ftl (e.g. ${siteName!domain}, ${pageTitle!domain}). -->
A guest post idea for ${domain}
