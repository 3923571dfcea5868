// The relying party's pages in "html" presentation (the demo): the same data the tests
// get as JSON, shown with links to try the next step.

interface PageContext {
  url: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderPage(rp: PageContext, payload: unknown): string {
  const result = (payload as { result?: string } | undefined)?.result ?? "";
  const title =
    {
      ready: "Demo client",
      success: "Signed in: tokens received",
      error: "The authorization server returned an error",
      "logged-out": "Signed out",
    }[result] ?? "Demo client";
  const links = [
    `<a href="${rp.url}/start">Sign in</a>`,
    `<a href="${rp.url}/start?prompt=login">Sign in again (prompt=login)</a>`,
    `<a href="${rp.url}/start?prompt=consent">Ask for consent again (prompt=consent)</a>`,
    result === "success" ? `<a href="${rp.url}/logout?state=demo">Sign out (RP-initiated logout)</a>` : "",
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}pre{background:#f4f4f5;padding:1rem;overflow:auto;white-space:pre-wrap;word-break:break-all}nav a{margin-right:1rem}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<nav>${links.join("\n")}</nav>
<pre>${escapeHtml(JSON.stringify(payload, null, 2))}</pre>
</body>
</html>
`;
}
