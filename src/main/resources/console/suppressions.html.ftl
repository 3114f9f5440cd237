<#import "layout.html.ftl" as layout>
<@layout.page title="Suppressions" section="suppressions">
  <h1>Suppressions</h1>
  <p class="muted">Addresses and whole domains that are never written to again.</p>
  <#if error??><@layout.reasons error=error list=reasons/></#if>
  <div class="grid">
    <div class="card">
      <h2>Add</h2>
      <form method="post" action="/suppressions" class="suppress-add">
        <@layout.csrfInput/>
        <label for="entries">Addresses or domains, one a line</label>
        <textarea id="entries" name="entries" rows="4" class="short">${entries}</textarea>
        <label>Reason <input type="text" name="reason" value="${reason}" placeholder="manual"></label>
        <p class="muted">One of ${reasonsKnown}; other words are kept as a note, with the reason manual.
          One entry that is neither an address nor a domain and nothing is added.</p>
        <button type="submit" class="primary">Suppress</button>
      </form>
    </div>
    <div class="card">
      <h2>Import a CSV file</h2>
      <form method="post" action="/suppressions/import" enctype="multipart/form-data" class="suppress-import">
        <@layout.csrfInput/>
        <label>File <input type="file" name="file" accept=".csv,text/csv,text/plain"></label>
        <label for="csv">or paste its lines</label>
        <textarea id="csv" name="csv" rows="4" class="short">${csv}</textarea>
        <p class="muted">As <code>outreach suppress import</code>: one address or domain a line, optionally followed by a
          reason and a source; a first line naming its columns (entry or email or domain, reason, note, source) is read
          as the header. A line that cannot be read is refused with its number and why; every other line is added.
          At most ${limitKb} KB a request: split a larger file.</p>
        <button type="submit">Import</button>
      </form>
    </div>
  </div>

  <h2>The list</h2>
  <form method="get" action="/suppressions" class="filters">
    <label>Search <input type="search" name="q" value="${q}" placeholder="address, domain, reason, note, source"></label>
    <button type="submit">Search</button>
  </form>
  <#if listReasons??><@layout.reasons error="The list was not shown" list=listReasons/></#if>
  <#if rows?has_content>
  <table class="suppressions">
    <thead><tr><th>Entry</th><th>Kind</th><th>Reason</th><th>Note</th><th>Source</th><th>Added (UTC)</th><th></th></tr></thead>
    <tbody>
    <#list rows as r>
      <tr>
        <td>${r.entry}</td>
        <td>${r.kind}</td>
        <td>${r.reason}</td>
        <td>${r.note}</td>
        <td>${r.source}</td>
        <td>${r.created}</td>
        <td>
          <form method="post" action="/suppressions/remove" class="inline" data-confirm="Lift the suppression of ${r.entry}? Only when the person asked for it: an objection is permanent.">
            <@layout.csrfInput/>
            <input type="hidden" name="entry" value="${r.entry}">
            <button type="submit" class="danger">Remove</button>
          </form>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#elseif !listReasons??>
  <p class="muted"><#if q != "">Nothing on the list matches this search.<#else>The list is empty.</#if></p>
  </#if>
  <p class="paging">
    <#if first??><a href="${first}">First page</a></#if>
    <#if next??><a href="${next}" rel="next">Next page</a></#if>
  </p>
</@layout.page>
