<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Outreach Pipeline</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  <header>
    <p>Logged in as ${who}, since ${since} UTC, from ${from}.</p>
    <form method="post" action="/logout">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <button type="submit">Log out</button>
    </form>
  </header>
  <main>
    <h1>Outreach Pipeline</h1>
    <p>The API is at <a href="/api/v1/openapi.json">/api/v1</a> (Authorization: Bearer &lt;admin token&gt;).</p>
  </main>
</body>
</html>
