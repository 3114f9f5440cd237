<#-- The subject of a first-contact draft. Each non-blank line is one subject: with several, each
     prospect gets one of them, chosen by a hash of its domain (a redraft keeps it), and which one
     is recorded (prospects show). Runs of spaces are folded, and it is cut to 998 characters.
     The variables are those of body.txt.ftl (e.g. ${siteName!domain}, ${pageTitle!domain}). -->
A guest post idea for ${domain}
