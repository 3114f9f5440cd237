<#import "layout.html.ftl" as layout>
<@layout.page title="Campaign ${name}" section="campaigns">
  <h1>Campaign ${name}</h1>
  <p><a href="${review}">Review its drafts</a> · <a href="/jobs">Submit a discovery</a> · <a href="/campaigns">All campaigns</a></p>
  <div class="grid">
    <div class="card">
      <h2>Settings</h2>
      <dl class="settings">
        <#list settings as s><dt>${s.label}</dt><dd>${s.value}</dd></#list>
      </dl>
    </div>
    <div class="card">
      <h2>Funnel</h2>
      <dl class="settings">
        <dt>Prospects</dt><dd class="number">${funnel.prospects}</dd>
        <#list funnel.byStatus as s><dt>${s.status}</dt><dd class="number">${s.count}</dd></#list>
        <dt>Messages sent</dt><dd class="number">${funnel.messages}</dd>
        <dt>Prospects written to</dt><dd class="number">${funnel.messaged}</dd>
        <dt>Replies</dt><dd class="number">${funnel.replies}</dd>
      </dl>
    </div>
  </div>

  <h2>Prospects</h2>
  <form method="get" action="${base}" class="filters">
    <label>Status
      <select name="status">
        <option value=""<#if status == ""> selected</#if>>any</option>
        <#list statuses as s><option value="${s}"<#if status == s> selected</#if>>${s}</option></#list>
      </select>
    </label>
    <label>Sort
      <select name="sort">
        <option value="score"<#if sort == "score"> selected</#if>>best score first</option>
        <option value="domain"<#if sort == "domain"> selected</#if>>domain</option>
        <option value="newest"<#if sort == "newest"> selected</#if>>newest first</option>
      </select>
    </label>
    <label>Search <input type="search" name="q" value="${q}" placeholder="domain, title, contact"></label>
    <button type="submit">Show</button>
  </form>
  <#if reasons??><@layout.reasons error="The prospects were not listed" list=reasons/></#if>
  <#if rows?has_content>
  <table class="prospects">
    <thead><tr><th>Domain</th><th>Page</th><th>Contact</th><th class="number">Score</th><th>Status</th><th>Found</th></tr></thead>
    <tbody>
    <#list rows as p>
      <tr>
        <td>${p.domain}</td>
        <td><#if p.url?has_content><a href="${p.url}" rel="noopener noreferrer" target="_blank">${p.title?has_content?then(p.title, p.url)}</a><#else>${p.title}</#if></td>
        <td>${p.contact}</td>
        <td class="number">${p.score}</td>
        <td><#if p.drafted><a href="${review}">drafted: review</a><#else>${p.status}</#if></td>
        <td>${p.created}</td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#elseif !reasons??>
  <p class="muted">No prospects<#if status != "" || q != ""> match these filters</#if>.</p>
  </#if>
  <p class="paging">
    <#if first??><a href="${first}">First page</a></#if>
    <#if next??><a href="${next}" rel="next">Next page</a></#if>
  </p>
</@layout.page>
