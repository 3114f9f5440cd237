<#-- The frame of every console page: navigation, the flash message of the form before, logout.
     Every value is escaped (HTML output format); htmx sends the CSRF token on its own requests. -->
<#macro page title section>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} · Outreach Pipeline</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <#-- no inline style tag from htmx: the Content-Security-Policy allows none -->
  <meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false, "allowScriptTags": false}'>
  <link rel="stylesheet" href="/assets/console.css">
  <script src="/assets/htmx.min.js" defer></script>
  <script src="/assets/console.js" defer></script>
</head>
<body hx-headers='{"${csrfField}": "${csrf}"}'>
  <header class="top">
    <a class="brand" href="/">Outreach Pipeline</a>
    <nav>
      <#list navigation as item>
        <a href="${item.path}"<#if item.key == section> aria-current="page"</#if>>${item.label}</a>
      </#list>
    </nav>
    <form method="post" action="/logout" class="logout">
      <@csrfInput/>
      <button type="submit">Log out</button>
    </form>
  </header>
  <main>
    <#if flash??><p class="flash" role="status">${flash}</p></#if>
    <#nested>
  </main>
</body>
</html>
</#macro>

<#-- The hidden field every state-changing form carries. -->
<#macro csrfInput>
<input type="hidden" name="${csrfField}" value="${csrf}">
</#macro>

<#-- A refusal with every reason, as the API's {error, reasons[]}. -->
<#macro reasons error list>
<div class="error" role="alert">
  <p>${error}</p>
  <#if list?has_content><ul><#list list as reason><li>${reason}</li></#list></ul></#if>
</div>
</#macro>
