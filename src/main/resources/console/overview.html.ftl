<#import "layout.html.ftl" as layout>
<@layout.page title="Overview" section="overview">
  <h1>Overview</h1>
  <#if error??><@layout.reasons error=error list=reasons/></#if>

  <section class="card">
    <h2>Funnel<#if campaign?has_content> of ${campaign}<#else> of every campaign</#if></h2>
    <form method="get" action="/" class="inline">
      <label for="campaign">Campaign</label>
      <select id="campaign" name="campaign">
        <option value=""<#if !campaign?has_content> selected</#if>>every campaign</option>
        <#list campaigns as name>
        <option value="${name}"<#if name == campaign> selected</#if>>${name}</option>
        </#list>
      </select>
      <button type="submit">Show</button>
    </form>
    <svg class="funnel-chart" role="img" aria-label="${chartSummary}" viewBox="0 0 640 ${chartHeight}" preserveAspectRatio="xMinYMin meet">
      <title>${chartSummary}</title>
      <#list steps as s>
      <g class="funnel-step" data-step="${s.step}" data-count="${s.count}">
        <text x="0" y="${s.textY}" class="funnel-label">${s.step}</text>
        <rect x="${barX}" y="${s.y}" width="${s.barWidth}" height="${barHeight}" rx="3" class="funnel-bar"/>
        <text x="${s.valueX}" y="${s.textY}" class="funnel-value">${s.value}</text>
      </g>
      </#list>
    </svg>
    <table class="funnel">
      <thead><tr><th>Step</th><th class="number">Prospects</th><th class="number">Of the step before</th><th class="number">Of discovered</th><th>What it counts</th></tr></thead>
      <tbody>
      <#list steps as s>
        <tr data-step="${s.step}"><td>${s.step}</td><td class="number">${s.count}</td><td class="number">${s.ofPrevious}</td><td class="number">${s.ofDiscovered}</td><td class="muted">${s.counts}</td></tr>
      </#list>
      </tbody>
    </table>
    <p class="muted">A prospect counts in every step it reached: one sent that then replied is in both; one skipped, suppressed or of unknown send outcome counts up to approved. The same counts: <code>GET /api/v1/funnel</code>, <code>outreach campaign show NAME</code>.</p>
  </section>

  <div class="grid">
    <section class="card">
      <h2>Provider calls and spend</h2>
      <table class="spend">
        <thead><tr><th></th><th class="number">DataForSEO calls</th><th class="number">DataForSEO cost</th><th class="number">Hunter calls</th><th class="number">Domains enriched</th></tr></thead>
        <tbody>
        <#list spend as row>
          <tr><th>${row.period}</th><td class="number">${row.dataforseoCalls}</td><td class="number">${row.dataforseoCost}</td><td class="number">${row.hunterCalls}</td><td class="number">${row.hunterDomains}</td></tr>
        </#list>
        </tbody>
      </table>
      <p class="muted">Days and months in UTC. DataForSEO: ${dataforseoSource}. Hunter: ${hunterSource}.</p>
    </section>
    <section class="card">
      <h2>Today</h2>
      <p><span class="big-number" id="sent-today">${sentToday}</span> message(s) sent today (UTC) — <a href="/sending">Sending</a></p>
      <p><span class="big-number" id="suppressions">${suppressions}</span> suppressed address(es) and domain(s) — <a href="/suppressions">Suppressions</a></p>
      <p><span class="big-number" id="links-lost">${linksLost}</span> link placement(s) lost, ${linksLive} live — <code>outreach links list --status lost</code></p>
    </section>
  </div>

  <section class="card">
    <h2>Schedules</h2>
    <table class="schedules">
      <thead><tr><th>What</th><th>Cron (setting)</th><th>Next</th><th>In the scheduler</th></tr></thead>
      <tbody>
      <#list schedules as s>
        <tr><td>${s.what}</td><td><code>${s.cron}</code> <span class="muted">${s.setting}</span></td><td>${s.next}</td><td>${s.state}</td></tr>
      </#list>
      <#list campaignSchedules as s>
        <tr><td>Discovery of campaign ${s.campaign}</td><td><code>${s.cron}</code> <span class="muted">its schedule</span></td><td>${s.next}</td><td>checked every minute</td></tr>
      </#list>
      </tbody>
    </table>
  </section>

  <p class="muted small">Logged in as ${who}, since ${since} UTC, from ${from}. The API is at <a href="/api/v1/openapi.json">/api/v1</a> (Authorization: Bearer &lt;admin token&gt;).</p>
</@layout.page>
