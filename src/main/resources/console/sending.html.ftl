<#import "layout.html.ftl" as layout>
<@layout.page title="Sending" section="sending">
  <h1>Sending</h1>
  <#if error??><@layout.reasons error=error list=reasons/></#if>
  <#list cannotSend as problem>
    <p class="error">Cannot send: ${problem}</p>
  </#list>

  <h2>Mailboxes</h2>
  <p class="muted">What <code>outreach send --dry-run</code> says: the sends that count against each mailbox's caps, and when the next send job would send from it.</p>
  <table class="mailboxes">
    <thead><tr><th>Mailbox</th><th class="number">Last 24 h / daily cap</th><th class="number">Last hour / hourly cap</th><th>Window</th><th>Spacing</th><th>Paused</th><th>Next send</th></tr></thead>
    <tbody>
    <#list mailboxes as m>
      <tr data-mailbox="${m.id}">
        <td>${m.id} <span class="muted">${m.address}</span></td>
        <td class="number">${m.sentLast24h} / ${m.dailyCap}</td>
        <td class="number">${m.sentLastHour} / ${m.hourlyCap}</td>
        <td>${m.window}</td>
        <td>${m.spacing}</td>
        <td><#if m.paused?has_content><span class="error">${m.paused}</span> <span class="muted">(outreach mailbox resume ${m.id})</span><#else>no</#if></td>
        <td class="next-send<#if m.waits> waits</#if>">${m.nextSend}</td>
      </tr>
    </#list>
    </tbody>
  </table>

  <h2>Queue</h2>
  <#if queue?has_content>
  <table class="queue">
    <thead><tr><th class="number">#</th><th>To</th><th>Message</th><th>What happens</th></tr></thead>
    <tbody>
    <#list queue as q>
      <tr><td class="number">${q.position}</td><td>${q.contact}</td><td>${q.what}</td><td>${q.why}</td></tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="muted">Nothing is approved or due for a follow-up.</p>
  </#if>

  <h2>Sends of unknown outcome</h2>
  <p class="muted">The message may or may not have gone out (the SMTP server's answer was lost, or the sending process stopped mid-send); nothing sends it again by itself. Look for it in the mailbox's Sent folder by its Message-ID: if it is there, mark it sent; if not, resend it.</p>
  <#if unknown?has_content>
  <table class="send-unknown">
    <thead><tr><th>Prospect</th><th>Message</th><th>Attempt</th><th>Decision</th></tr></thead>
    <tbody>
    <#list unknown as u>
      <tr id="prospect-${u.id}">
        <td>${u.domain}<br><span class="muted">${u.contact}</span><br><span class="muted">campaign ${u.campaign}</span></td>
        <td>${u.message}: ${u.subject}<br><span class="muted">${u.lastError}</span></td>
        <td>${u.attemptedAt}<#if u.from?has_content> from ${u.from}</#if><#if u.messageId?has_content><br><span class="muted">Message-ID ${u.messageId}</span></#if><#if u.reply?has_content><br><span class="muted">${u.reply}</span></#if></td>
        <td>
          <form method="post" action="/sending/${u.id}/mark-sent" class="inline" data-confirm="Mark the message to ${u.contact} sent? Only if you found it in the Sent folder: its follow-ups will go out as after any send.">
            <@layout.csrfInput/>
            <button type="submit" class="primary">Mark sent</button>
          </form>
          <form method="post" action="/sending/${u.id}/resend" class="inline" data-confirm="Send the message to ${u.contact} again? The recipient may have it already.">
            <@layout.csrfInput/>
            <button type="submit" class="danger">Resend</button>
          </form>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="muted">No send has an unknown outcome.</p>
  </#if>
</@layout.page>
