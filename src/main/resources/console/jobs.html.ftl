<#import "layout.html.ftl" as layout>
<@layout.page title="Jobs" section="jobs">
  <h1>Jobs</h1>
  <div class="card">
    <h2>Submit a discovery</h2>
    <p class="muted">As <code>outreach job submit discover</code>: with a campaign, its saved search runs and each field
      filled in here replaces that part of it for this job only; without one, the job belongs to the campaign 'default'.</p>
    <#if reasons??><@layout.reasons error="The discover job was not submitted" list=reasons/></#if>
    <form method="post" action="/jobs" class="discover">
      <@layout.csrfInput/>
      <label>Campaign
        <select name="campaign">
          <option value=""<#if form.campaign == ""> selected</#if>>none (default)</option>
          <#list campaigns as c><option value="${c}"<#if form.campaign == c> selected</#if>>${c}</option></#list>
        </select>
      </label>
      <label>Keywords <input type="text" name="keywords" value="${form.keywords}" placeholder="garden shed, tiny house"></label>
      <label>Categories <input type="text" name="categories" value="${form.categories}" placeholder="home_decor"></label>
      <label>Locations <input type="text" name="locations" value="${form.locations}" placeholder="uk, usa"></label>
      <label>Max results <input type="text" name="max_results" value="${form.max_results}" inputmode="numeric" placeholder="${maxMin?c}–${maxMax?c}"></label>
      <button type="submit" class="primary">Submit</button>
    </form>
  </div>

  <h2>Recent jobs</h2>
  <form method="get" action="/jobs" class="filters">
    <label>Type
      <select name="type">
        <option value=""<#if type == ""> selected</#if>>any</option>
        <#list types as t><option value="${t}"<#if type == t> selected</#if>>${t}</option></#list>
      </select>
    </label>
    <label>Status
      <select name="status">
        <option value=""<#if status == ""> selected</#if>>any</option>
        <#list statuses as s><option value="${s}"<#if status == s> selected</#if>>${s}</option></#list>
      </select>
    </label>
    <button type="submit">Show</button>
  </form>
  <#if listReasons??><@layout.reasons error="The jobs cannot be listed" list=listReasons/></#if>
  <#if jobs?has_content>
  <table class="jobs">
    <thead><tr><th>Job</th><th>Type</th><th>Campaign</th><th>Status</th><th>Created (UTC)</th><th>Progress</th></tr></thead>
    <tbody>
    <#list jobs as j>
      <tr>
        <td><a href="/jobs/${j.id}">${j.id?substring(0, 8)}</a></td>
        <td>${j.type}</td>
        <td>${j.campaign}</td>
        <td>${j.status}</td>
        <td>${j.created}</td>
        <td>${j.outcome}</td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#elseif !listReasons??>
  <p class="muted">No jobs<#if type != "" || status != ""> of this type and status</#if>.</p>
  </#if>
</@layout.page>
