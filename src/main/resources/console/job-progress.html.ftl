<#-- The part of a job's page that changes while it runs: a whole page includes it, and htmx fetches
     it again every 2 s to swap it in place, until the job has ended (then it carries no trigger). -->
<section id="job-progress" class="card"<#if !job.ended> hx-get="/jobs/${job.id}/progress" hx-trigger="every 2s" hx-swap="outerHTML"</#if>>
  <dl class="settings">
    <dt>Status</dt><dd class="status-${job.status}">${job.status}<#if job.cancelRequested && !job.ended> (asked to stop)</#if></dd>
    <dt>Campaign</dt><dd>${job.campaign}</dd>
    <dt>Queries done</dt><dd class="number"><span class="done">${job.done}</span>/<span class="total">${job.total}</span></dd>
    <dt>Prospects saved</dt><dd class="number saved">${job.saved}</dd>
    <dt>Cost</dt><dd class="number cost">${job.cost}</dd>
    <dt>Created</dt><dd>${job.created} UTC</dd>
    <dt>Started</dt><dd>${job.started}</dd>
    <dt>Finished</dt><dd>${job.finished}</dd>
    <dt>Outcome</dt><dd>${job.outcome}</dd>
  </dl>
  <#if job.ended>
  <p class="muted">The job has ended.</p>
  <#else>
  <p class="muted">Still going: this part refreshes every 2 seconds (reload the page without JavaScript).</p>
  <form method="post" action="/jobs/${job.id}/cancel" data-confirm="Cancel this job? A running job stops at its next step and keeps what it saved.">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <button type="submit" class="danger">Cancel job</button>
  </form>
  </#if>
  <#if queries?has_content>
  <table class="queries">
    <thead><tr><th>Query</th><th>Location</th><th>Category</th><th>Status</th><th class="number">Found</th><th class="number">Saved</th><th class="number">Cost</th><th>Error</th></tr></thead>
    <tbody>
    <#list queries as q>
      <tr><td>${q.keyword}</td><td>${q.location}</td><td>${q.category}</td><td>${q.status}</td><td class="number">${q.found}</td><td class="number">${q.saved}</td><td class="number">${q.cost}</td><td>${q.error}</td></tr>
    </#list>
    </tbody>
  </table>
  </#if>
</section>
