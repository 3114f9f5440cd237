<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Log in · Outreach Pipeline</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/assets/console.css">
</head>
<body class="login">
  <main>
    <h1>Outreach Pipeline</h1>
    <#if message??><p role="alert" class="error">${message}</p></#if>
    <form method="post" action="/login">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <label for="token">Admin token (OUTREACH_ADMIN_TOKEN)</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
      <button type="submit">Log in</button>
    </form>
  </main>
</body>
</html>
