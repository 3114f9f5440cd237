// The console's only script of its own (the Content-Security-Policy allows no inline script).
// Every page works without it; it adds keyboard shortcuts and confirmations.
(function () {
  "use strict";

  // A key press clicks the element whose data-key names it (e.g. data-key="a" on Approve),
  // unless the operator is typing in a field.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var button = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  // A form with data-confirm asks before it is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();

// --- Every section ---
// A form post makes the console's CSRF token new (the old one is refused from then on). Every answer
// names the current one (X-Console-CSRF): after an htmx request, every form on the page and htmx's
// own header take it, so a form sent after an in-place update is not refused.
document.addEventListener("htmx:afterRequest", function (event) {
  var xhr = event.detail && event.detail.xhr;
  var fresh = xhr && xhr.getResponseHeader("X-Console-CSRF");
  if (!fresh) return;
  document.querySelectorAll("input[name='X-XSRF-TOKEN']").forEach(function (input) {
    input.value = fresh;
  });
  var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
  headers["X-XSRF-TOKEN"] = fresh;
  document.body.setAttribute("hx-headers", JSON.stringify(headers));
});

// --- Review queue (console/ReviewSection) ---
// A refused edit answers 422 with the form and its reasons: htmx swaps only 2xx answers by itself,
// so this lets it show the reasons in place (without JavaScript the same page comes back whole).
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr && event.detail.xhr.status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
