/**
 * The load generator: complete authorization-code flows driven the way a
 * browser drives them (redirects followed by hand, forms parsed and posted,
 * one cookie jar per virtual user), then the relying party's part: the
 * callback's code is exchanged at Hydra's token endpoint.
 *
 * Routing. Hydra's login and consent URLs point at one fixed "slot" origin,
 * http://localhost:<slot>. The generator plays DNS: a request to the slot goes
 * to whichever provider is being measured, with the Host header the browser
 * would send. No reverse proxy sits in between, so no extra process competes
 * for the CPU and no hop is added to any provider (the exception is ours × N,
 * where the port is nginx's in front of the instances: the proxy is what that
 * provider measures). Cookies are per host name (localhost), never per port,
 * exactly as in a browser.
 */
import { createHash, randomBytes } from "node:crypto";
import { Agent, request } from "undici";
import { CookieJar } from "./cookies";

export type FlowPath = "first" | "remembered";

export interface FlowTarget {
  /** http://localhost:<public> (what the browser sees) and the port Hydra really listens on at 127.0.0.1. */
  hydraPublicUrl: string;
  /** Hydra's login/consent origin, http://localhost:<slot>. */
  slotOrigin: string;
  /** Where the slot's traffic really goes: the active provider's port at 127.0.0.1. */
  providerPort: number;
  client: { client_id: string; client_secret: string; redirect_uri: string };
  scope: string;
  user: { email: string; password: string };
  /** Tick "remember me" on the login form and "do not ask again" on the consent form. */
  rememberLogin: boolean;
  rememberConsent: boolean;
  /** False for the null provider, which never shows a form: the path cannot be checked by what was posted. */
  hasForms: boolean;
  /** Queue the requests to Hydra's public port one at a time (Hydra on SQLite; see hydraQueue). */
  serialHydra: boolean;
}

export interface FlowResult {
  ok: boolean;
  error?: string;
  /** Wall time of the whole flow, authorize to tokens. */
  totalMs: number;
  /** Each request the provider answered (GET of a page, POST of a form), in ms. */
  providerHops: number[];
  /** Which forms were posted: proves the path (first sign-in posts the password, remembered posts nothing). */
  posted: string[];
}

const MAX_HOPS = 24;
const REQUEST_TIMEOUT_MS = 30_000;

export const agent = new Agent({
  connections: 128,
  pipelining: 1,
  // Below Node's default server keep-alive (5 s), so an idle connection is dropped by us first.
  keepAliveTimeout: 4_000,
  keepAliveMaxTimeout: 4_000,
  headersTimeout: REQUEST_TIMEOUT_MS,
  bodyTimeout: REQUEST_TIMEOUT_MS,
});

/**
 * Hydra on SQLite cannot take concurrent writes: with the tests' memory DSN, parallel flows fail
 * with "Unable to serialize access due to a concurrent update"; with a file in WAL mode they wait
 * on "database is locked" until Hydra's connections time out. So on SQLite (`serialHydra`) the
 * generator sends Hydra's public endpoints (where the writes happen: verifier redemption at
 * /oauth2/auth, the code exchange at /oauth2/token) one request at a time, in arrival order. The
 * admin calls the providers make are stateless in v2.3.0 and stay parallel, as do all provider
 * hops. This caps every provider at the same serial Hydra; it is what a SQLite-backed Hydra can
 * do, and it is the same for every provider. On PostgreSQL nothing is queued.
 */
class Fifo {
  private tail: Promise<void> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
export const hydraQueue = new Fifo();

interface Hop {
  status: number;
  location: string | undefined;
  body: string;
}

async function send(
  jar: CookieJar,
  url: URL,
  connectPort: number,
  options: { method?: "GET" | "POST"; form?: URLSearchParams; headers?: Record<string, string>; wantBody?: boolean } = {},
): Promise<Hop> {
  const headers: Record<string, string> = { host: url.host, "user-agent": "hydra-provider-bench", ...options.headers };
  const cookie = jar.header(url.pathname);
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (options.form) {
    body = options.form.toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  const go = () =>
    request(`http://127.0.0.1:${connectPort}${url.pathname}${url.search}`, {
      method: options.method ?? "GET",
      headers,
      body,
      dispatcher: agent,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  // A browser retries an idempotent request once when a kept-alive connection turns out closed.
  const response = await go().catch((error: unknown) => {
    if (options.method !== "POST" && (error as { code?: string }).code === "UND_ERR_SOCKET") return go();
    throw error;
  });
  jar.store(response.headers["set-cookie"], url.pathname);
  const location = response.headers.location;
  let text = "";
  if (options.wantBody || response.statusCode >= 400 || (response.statusCode === 200 && !location)) {
    text = await response.body.text();
  } else {
    await response.body.dump();
  }
  return { status: response.statusCode, location: Array.isArray(location) ? location[0] : location, body: text };
}

// ---------------------------------------------------------------------------------------------
// Forms

const entities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", "#39": "'", "#x27": "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower in entities) return entities[lower]!;
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (name === "input" || name === "button") continue;
    result[name] = decode(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return result;
}

export interface ParsedForm {
  action: string;
  fields: URLSearchParams;
  kind: "login" | "consent" | "other";
}

/**
 * The first POST form of a page, filled in as a user would: hidden fields kept,
 * the credentials typed, every scope ticked, "remember" as asked, and the
 * accept button (id="accept", in both our app and the reference) pressed.
 */
export function fillForm(html: string, input: { email: string; password: string; remember: boolean }): ParsedForm | undefined {
  const formMatch = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!formMatch) return undefined;
  const formAttributes = attributes(formMatch[1]!);
  if ((formAttributes.method ?? "get").toLowerCase() !== "post") return undefined;
  const fields = new URLSearchParams();
  let kind: ParsedForm["kind"] = "other";
  for (const tagMatch of formMatch[2]!.matchAll(/<(input|button)\b[^>]*>/gi)) {
    const tag = tagMatch[1]!.toLowerCase();
    const a = attributes(tagMatch[0]);
    const name = a.name;
    if (!name) continue;
    const type = (a.type ?? (tag === "button" ? "submit" : "text")).toLowerCase();
    if (type === "submit") {
      if (a.id === "accept") fields.append(name, a.value ?? "");
    } else if (type === "hidden") {
      fields.append(name, a.value ?? "");
    } else if (type === "email" || name === "email") {
      kind = "login";
      fields.append(name, input.email);
    } else if (type === "password") {
      kind = "login";
      fields.append(name, input.password);
    } else if (type === "checkbox") {
      if (name === "remember") {
        if (input.remember) fields.append(name, a.value ?? "on");
      } else {
        if (name === "grant_scope") kind = "consent";
        fields.append(name, a.value ?? "on");
      }
    }
  }
  return { action: formAttributes.action ?? "", fields, kind };
}

// ---------------------------------------------------------------------------------------------
// One flow

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * Runs one complete flow with `jar` as the browser. Never throws: failures are
 * returned with the step that failed. Bounded by MAX_HOPS and request timeouts.
 */
export async function runFlow(target: FlowTarget, jar: CookieJar, expect?: FlowPath): Promise<FlowResult> {
  const result = await runFlowUnchecked(target, jar);
  if (!result.ok || !expect || !target.hasForms) return result;
  // The path must be the one measured: first sign-in posts both forms, remembered posts none.
  const posted = result.posted.join(",");
  if (expect === "first" && posted !== "login,consent") return { ...result, ok: false, error: `first sign-in posted [${posted}]` };
  if (expect === "remembered" && posted !== "") return { ...result, ok: false, error: `remembered flow posted [${posted}]` };
  return result;
}

async function runFlowUnchecked(target: FlowTarget, jar: CookieJar): Promise<FlowResult> {
  const started = performance.now();
  const providerHops: number[] = [];
  const posted: string[] = [];
  let step = "start";
  const fail = (error: string): FlowResult => ({ ok: false, error, totalMs: performance.now() - started, providerHops, posted });
  try {
    const hydraUrl = new URL(target.hydraPublicUrl);
    const hydraPort = Number(hydraUrl.port);
    const slot = new URL(target.slotOrigin);
    const state = randomBytes(12).toString("base64url");
    const nonce = randomBytes(12).toString("base64url");
    const { verifier, challenge } = pkce();
    const toHydraPublic = <T>(task: () => Promise<T>): Promise<T> => (target.serialHydra ? hydraQueue.run(task) : task());
    const authorize = new URL("/oauth2/auth", hydraUrl);
    authorize.search = new URLSearchParams({
      client_id: target.client.client_id,
      response_type: "code",
      scope: target.scope,
      redirect_uri: target.client.redirect_uri,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: "S256",
    }).toString();

    let url = authorize;
    let code: string | undefined;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (url.href.startsWith(target.client.redirect_uri)) {
        const params = url.searchParams;
        if (params.get("error")) return fail(`callback error ${params.get("error")}: ${params.get("error_description")}`);
        if (params.get("state") !== state) return fail("callback state mismatch");
        code = params.get("code") ?? undefined;
        break;
      }
      const toProvider = url.host === slot.host;
      const toHydra = url.host === hydraUrl.host;
      if (!toProvider && !toHydra) return fail(`unexpected redirect to ${url.origin}${url.pathname}`);
      const t0 = performance.now();
      step = `${toProvider ? "provider" : "hydra"} GET ${url.pathname}`;
      const answer = toProvider ? await send(jar, url, target.providerPort) : await toHydraPublic(() => send(jar, url, hydraPort));
      if (toProvider) providerHops.push(performance.now() - t0);
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        url = new URL(answer.location, url);
        continue;
      }
      if (answer.status === 200 && toProvider) {
        const form = fillForm(answer.body, {
          email: target.user.email,
          password: target.user.password,
          remember: answer.body.includes('type="password"') ? target.rememberLogin : target.rememberConsent,
        });
        if (!form) return fail(`no form on ${url.pathname}`);
        const action = new URL(form.action || url.pathname + url.search, url);
        if (action.host !== slot.host) return fail(`form posts to ${action.origin}`);
        posted.push(form.kind);
        const t1 = performance.now();
        step = `provider POST ${action.pathname}`;
        const result = await send(jar, action, target.providerPort, {
          method: "POST",
          form: form.fields,
          headers: { origin: slot.origin, referer: url.href },
        });
        providerHops.push(performance.now() - t1);
        if (result.status < 300 || result.status >= 400 || !result.location) {
          return fail(`POST ${action.pathname} answered ${result.status}: ${result.body.slice(0, 160)}`);
        }
        url = new URL(result.location, action);
        continue;
      }
      return fail(`${toProvider ? "provider" : "hydra"} ${url.pathname} answered ${answer.status}: ${answer.body.slice(0, 160)}`);
    }
    if (!code) return fail("no code after the redirect limit");

    step = "hydra POST /oauth2/token";
    const tokenRequest = () => request(`http://127.0.0.1:${hydraPort}/oauth2/token`, {
      method: "POST",
      headers: {
        host: hydraUrl.host,
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(target.client.client_id)}:${encodeURIComponent(target.client.client_secret)}`,
        ).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: target.client.redirect_uri,
        code_verifier: verifier,
      }).toString(),
      dispatcher: agent,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const { token, tokens } = await toHydraPublic(async () => {
      const response = await tokenRequest();
      return { token: response, tokens: (await response.body.json().catch(() => ({}))) as Record<string, unknown> };
    });
    if (token.statusCode !== 200) return fail(`token endpoint ${token.statusCode}: ${JSON.stringify(tokens).slice(0, 160)}`);
    if (typeof tokens.access_token !== "string" || typeof tokens.id_token !== "string") {
      return fail("token response without access_token or id_token");
    }
    return { ok: true, totalMs: performance.now() - started, providerHops, posted };
  } catch (error) {
    return fail(`${step}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// A cell: `flows` flows by `concurrency` virtual users

export interface CellRun {
  flows: FlowResult[];
  wallMs: number;
}

/**
 * Runs exactly `flows` flows, `concurrency` at a time. `jarFor(i)` gives virtual
 * user i its browser: a new jar per flow (first sign-in) or that user's warm
 * jar (remembered). A shared counter hands out flows, so it always stops.
 */
export async function runCell(
  target: FlowTarget,
  flows: number,
  concurrency: number,
  jarFor: (user: number) => CookieJar,
  expect?: FlowPath,
): Promise<CellRun> {
  const results: FlowResult[] = [];
  let next = 0;
  const started = performance.now();
  const user = async (index: number) => {
    while (next < flows) {
      next++;
      results.push(await runFlow(target, jarFor(index), expect));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, flows) }, (_, i) => user(i)));
  return { flows: results, wallMs: performance.now() - started };
}
