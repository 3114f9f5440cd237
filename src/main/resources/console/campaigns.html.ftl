<#import "layout.html.ftl" as layout>
<@layout.page title="Campaigns" section="campaigns">
  <h1>Campaigns</h1>
  <#if campaigns?has_content>
  <table class="campaigns">
    <thead><tr><th>Campaign</th><th>Status</th><th>Mailbox</th><th class="number">Prospects</th><th>By status</th><th class="number">Messages sent</th><th class="number">Replies</th></tr></thead>
    <tbody>
    <#list campaigns as c>
      <tr>
        <td><a href="${c.href}">${c.name}</a></td>
        <td>${c.status}</td>
        <td>${c.mailbox}</td>
        <td class="number">${c.prospects}</td>
        <td class="funnel"><#list c.byStatus as s><span class="count">${s.status} ${s.count}</span><#sep> · </#list></td>
        <td class="number">${c.messages}</td>
        <td class="number">${c.replies}</td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="muted">No campaigns yet: <code>outreach campaign create NAME</code> makes one.</p>
  </#if>
</@layout.page>
