// The null provider: the fastest login/consent provider possible, the limit the
// others are measured against. For every challenge it fetches the request from
// Hydra's admin API and accepts it at once: no page, no form, no password, no
// session of its own. Plain JavaScript on node:http so that no loader or
// framework is part of what it costs.
//
//   PORT=4000 HYDRA_ADMIN_URL=http://127.0.0.1:4445 node bench/null-provider.mjs
//
// Login is accepted with remember=true (as the other providers are when their
// "remember me" box is ticked). Consent is remembered unless the client's
// metadata says bench_path="first": the first sign-in path must show consent
// every time, as it does for the other providers whose form is posted unticked.
import { createServer } from "node:http";

const port = Number(process.env.PORT || 4000);
const admin = (process.env.HYDRA_ADMIN_URL || "http://127.0.0.1:4445").replace(/\/+$/, "");
const subject = process.env.NULL_SUBJECT || "null-provider-user";

async function hydra(method, path, body) {
  const response = await fetch(`${admin}/admin/oauth2/auth/requests/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

async function login(challenge) {
  const q = `login_challenge=${encodeURIComponent(challenge)}`;
  const request = await hydra("GET", `login?${q}`);
  const accepted = await hydra("PUT", `login/accept?${q}`, {
    subject: request.skip ? request.subject : subject,
    remember: true,
    remember_for: 3600,
  });
  return accepted.redirect_to;
}

async function consent(challenge) {
  const q = `consent_challenge=${encodeURIComponent(challenge)}`;
  const request = await hydra("GET", `consent?${q}`);
  const remember = !request.skip && request.client?.metadata?.bench_path !== "first";
  const accepted = await hydra("PUT", `consent/accept?${q}`, {
    grant_scope: request.requested_scope,
    grant_access_token_audience: request.requested_access_token_audience,
    remember,
    remember_for: remember ? 3600 : undefined,
  });
  return accepted.redirect_to;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://null");
    let location;
    if (url.pathname === "/login") location = await login(url.searchParams.get("login_challenge") ?? "");
    else if (url.pathname === "/consent") location = await consent(url.searchParams.get("consent_challenge") ?? "");
    else if (url.pathname === "/health") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(302, { location }).end();
  } catch (error) {
    res.writeHead(502, { "content-type": "text/plain" }).end(String(error?.message ?? error));
  }
});

server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`null provider on http://127.0.0.1:${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
