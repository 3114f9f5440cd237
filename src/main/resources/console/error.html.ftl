<#import "layout.html.ftl" as layout>
<@layout.page title=title section="">
  <h1>${title}</h1>
  <@layout.reasons error=title list=reasons/>
</@layout.page>
