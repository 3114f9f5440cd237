<#-- The review queue: one drafted prospect at a time, best score first. Every value from the prospect
     (its page's title, snippet, URL, the draft) is third-party or derived from it: printed escaped,
     never ?no_esc. Every form works without JavaScript (a post, then a redirect). -->
<#import "layout.html.ftl" as layout>
<@layout.page title="Review queue" section="review">
  <h1>Review queue</h1>

  <form method="get" action="/review" class="card review-filters">
    <label>Campaign <input type="text" name="campaign" value="${campaign}" placeholder="all"></label>
    <label>Score at least <input type="number" name="min_score" value="${minScore}" min="0" max="100" step="any"></label>
    <button type="submit">Show</button>
    <#if skippedCount gt 0>
      <span class="muted">${skippedCount} skipped in this session.</span>
    </#if>
  </form>
  <#if skippedCount gt 0>
    <form method="post" action="/review/skipped/clear${query}" class="inline">
      <@layout.csrfInput/>
      <button type="submit">Show the skipped drafts again</button>
    </form>
  </#if>

  <#if refusal?? && refusal.place == "filters"><@layout.reasons error=refusal.error list=refusal.reasons/></#if>

  <#if p??>
    <#if p.outreach_status != "drafted">
      <p class="error" role="status">This prospect is ${p.outreach_status} now; it is not in the review queue.</p>
    <#else>
      <p class="muted">${p.waiting} draft<#if p.waiting != "1">s</#if> waiting<#if campaign?has_content> in ${campaign}</#if>; this is the best scored one.</p>
    </#if>

    <div class="grid">
      <section class="card">
        <h2>The page it pitches</h2>
        <p class="review-title">${p.page_title!"(no title)"}</p>
        <#if p.page_url??><p><a href="${p.page_url}" rel="noopener noreferrer" target="_blank">${p.page_url}</a></p></#if>
        <#if p.snippet??><blockquote class="review-snippet">${p.snippet}</blockquote></#if>
        <dl class="review-facts">
          <dt>Domain</dt><dd>${p.domain}</dd>
          <dt>Found by</dt><dd><#if p.keyword??>'${p.keyword}'<#if p.location??> in ${p.location}</#if><#else>(no query recorded)</#if></dd>
          <dt>Rank</dt><dd>${p.serp_rank!"(unknown)"}</dd>
          <dt>Score</dt><dd class="number">${p.score!"(none)"}</dd>
          <dt>Campaign</dt><dd>${p.campaign}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>The contact</h2>
        <dl class="review-facts">
          <dt>Address</dt><dd>${p.contact_email!"(none)"}</dd>
          <dt>Name</dt><dd>${p.contact_name!"(unknown)"}</dd>
          <dt>Found as</dt><dd>${p.contact_method!"(unknown)"}</dd>
          <dt>Why this one</dt><dd>${p.contact_reason!"(no reason recorded)"}</dd>
          <dt>Verification</dt><dd>${p.contact_verification!"(not verified)"}</dd>
        </dl>
      </section>
    </div>

    <#if p.outreach_status == "drafted">
    <section class="card review-actions">
      <h2>Decide</h2>
      <#if refusal?? && refusal.place == "reject"><@layout.reasons error=refusal.error list=refusal.reasons/></#if>
      <form method="post" action="/review/${p.id}/approve${query}" class="inline">
        <@layout.csrfInput/>
        <button type="submit" class="primary" data-key="a">Approve <kbd>a</kbd></button>
      </form>
      <form method="post" action="/review/${p.id}/skip${query}" class="inline">
        <@layout.csrfInput/>
        <button type="submit" data-key="s">Skip <kbd>s</kbd></button>
      </form>
      <label for="edit-subject" class="review-edit-key" data-key="e">Edit <kbd>e</kbd></label>
      <form method="post" action="/review/${p.id}/reject${query}" class="review-reject">
        <@layout.csrfInput/>
        <label for="reject-reason">Reason for rejecting</label>
        <input type="text" id="reject-reason" name="reason" value="${reason}" maxlength="500" required
               placeholder="e.g. off topic, a competitor">
        <button type="submit" class="danger" data-key="r">Reject <kbd>r</kbd></button>
      </form>
      <p class="muted">Approve sends it (a send job takes it); reject means it is never contacted; skip shows the next one and changes nothing.</p>
    </section>
    </#if>

    <#include "review-message.html.ftl">
  <#else>
    <section class="card">
      <p>No draft is waiting for review<#if campaign?has_content> in ${campaign}</#if><#if minScore?has_content> at a score of ${minScore} or more</#if>.</p>
      <p class="muted">Drafts come from discovery: a discover job finds pages, enrichment finds each site's contact,
        and drafting writes the message from the campaign's templates. Submit a discovery on the
        <a href="/jobs">Jobs</a> page (or <code>outreach job submit discover</code>), or
        <#if skippedCount gt 0>show the drafts you skipped again (above)<#else>look at the prospects of a campaign on the <a href="/campaigns">Campaigns</a> page</#if>.</p>
    </section>
  </#if>

  <section class="card">
    <h2>Approve in bulk</h2>
    <#if refusal?? && refusal.place == "bulk"><@layout.reasons error=refusal.error list=refusal.reasons/></#if>
    <form method="post" action="/review/approve" data-confirm="Approve every drafted prospect at or above this score? A send job will send them.">
      <@layout.csrfInput/>
      <input type="hidden" name="campaign" value="${campaign}">
      <label>Every draft<#if campaign?has_content> of ${campaign}</#if> scoring at least
        <input type="number" name="min_score" value="${minScore}" min="0" max="100" step="any" required></label>
      <button type="submit">Approve them</button>
    </form>
  </section>
</@layout.page>
