<#-- The message as it will be sent and the form that edits its draft: a fragment, included by
     review.html.ftl and answered alone to htmx's in-place edit. The HTML part is third-party markup:
     it is shown only in a sandboxed frame whose own answer forbids scripts and every request. -->
<section class="card message review-message" id="review-message">
  <h2>The message, as it will be sent</h2>
  <#if saved??><p class="flash" role="status">${saved}</p></#if>
  <#if message??>
    <table class="review-headers">
      <#list message.headers as h><tr><th>${h.name}</th><td>${h.value}</td></tr></#list>
      <tr><th>Date, Message-ID</th><td class="muted">set when it is sent</td></tr>
    </table>
    <#if message.mailboxes?size gt 1><p class="muted">Shown from mailbox ${message.mailbox}; a send job uses whichever of ${message.mailboxes?join(", ")} sent least recently.</p></#if>
    <h3>Text part</h3>
    <pre>${message.text}</pre>
    <h3>HTML part</h3>
    <#if message.hasHtml>
      <iframe class="review-html" sandbox="" src="/review/${p.id}/html" title="The HTML part, as it will be sent"></iframe>
    <#else>
      <p class="muted">None: it goes out as text only.</p>
    </#if>
  <#else>
    <#if messageProblems?has_content>
      <div class="error" role="alert"><p>The message cannot be built as it stands:</p>
        <ul><#list messageProblems as problem><li>${problem}</li></#list></ul></div>
    <#else>
      <p class="muted">No draft yet.</p>
    </#if>
  </#if>

  <#if p.outreach_status == "drafted" || p.outreach_status == "approved">
  <h3 id="edit">Edit the draft</h3>
  <#if refusal?? && refusal.place == "edit">
    <div class="error" role="alert"><p>${refusal.error}</p><ul><#list refusal.reasons as r><li>${r}</li></#list></ul></div>
  </#if>
  <form method="post" action="/review/${p.id}/draft${query}" hx-post="/review/${p.id}/draft${query}"
        hx-target="#review-message" hx-swap="outerHTML">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <label for="edit-subject">Subject</label>
    <input type="text" id="edit-subject" name="subject" value="${edit.subject}" maxlength="998" class="review-subject">
    <label for="edit-body">Text</label>
    <textarea id="edit-body" name="body">${edit.body}</textarea>
    <p class="muted">The postal address and the unsubscribe link are added when it is sent. Write each paragraph as one line, with a blank line between paragraphs: the text is wrapped when it is sent. Changing the text makes the HTML part anew from it, unless the campaign's own HTML template wrote that part: then it is dropped (it has the old words) and the message goes out as text only.</p>
    <button type="submit">Save the draft</button>
  </form>
  </#if>
</section>
