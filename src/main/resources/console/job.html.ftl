<#import "layout.html.ftl" as layout>
<@layout.page title="Job ${job.id}" section="jobs">
  <h1>${job.type} job <span class="muted">${job.id}</span></h1>
  <p><a href="/jobs">All jobs</a></p>
  <#include "job-progress.html.ftl">
</@layout.page>
