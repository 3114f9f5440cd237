<#import "layout.html.ftl" as layout>
<@layout.page title="Overview" section="overview">
  <h1>Overview</h1>
  <p>Logged in as ${who}, since ${since} UTC, from ${from}.</p>
  <p>The API is at <a href="/api/v1/openapi.json">/api/v1</a> (Authorization: Bearer &lt;admin token&gt;).</p>
</@layout.page>
