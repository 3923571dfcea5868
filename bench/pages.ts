// What our login and consent pages weigh: the document as served, its script elements and the
// JavaScript files a first visit loads.
import { gunzipSync, gzipSync } from "node:zlib";
import { request } from "undici";
import { CookieJar } from "./cookies";
import { agent, fillForm } from "./flows";
import { flowTarget, type Provider } from "./providers";
import type { BenchStack } from "./stack";
import type { FirstLoadJs, PageName, PageWeight } from "./types";

/** A page as `next start` sent it to a browser that accepts gzip. */
interface ServedPage {
  html: string;
  /** Bytes on the wire; undefined when the server did not compress. */
  gzipBytes: number | undefined;
}

const scriptElements = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
const hasSrc = (attributes: string) => /\bsrc\s*=/i.test(attributes);

/** Gzip bytes of the JavaScript a first visit of a page loads, as `next start` serves it. */
async function firstLoadJs(appPort: number, html: string): Promise<FirstLoadJs> {
  const sources = [
    ...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, "&"))),
  ].filter((src) => src.startsWith("/"));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of sources) {
    const response = await request(`http://127.0.0.1:${appPort}${src}`, {
      headers: { "accept-encoding": "gzip" },
      dispatcher: agent,
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    const encoded = response.headers["content-encoding"] === "gzip";
    gzipBytes += encoded ? body.length : gzipSync(body).length;
    rawBytes += encoded ? gunzipSync(body).length : body.length;
  }
  const inline = scriptElements(html)
    .filter((m) => !hasSrc(m[1]!))
    .map((m) => m[2]!)
    .join("");
  return {
    scripts: sources.length,
    gzipBytes,
    rawBytes,
    inlineScriptGzipBytes: gzipSync(inline).length,
    htmlGzipBytes: gzipSync(html).length,
  };
}

function pageWeight(page: ServedPage): PageWeight {
  const scripts = scriptElements(page.html);
  const inline = scripts.filter((m) => !hasSrc(m[1]!)).map((m) => m[2]!);
  const inlineText = inline.join("");
  return {
    documentGzipBytes: page.gzipBytes ?? gzipSync(page.html).length,
    documentBytes: Buffer.byteLength(page.html),
    servedGzipped: page.gzipBytes !== undefined,
    scriptElements: { src: scripts.length - inline.length, inline: inline.length },
    inlineScriptBytes: Buffer.byteLength(inlineText),
    inlineScriptGzipBytes: inlineText ? gzipSync(inlineText).length : 0,
  };
}

/** Walks one first sign-in flow on ours, keeping the login and consent pages as served. */
async function capturePages(stack: BenchStack, ours: Provider, scope: string): Promise<Record<PageName, ServedPage>> {
  const t = flowTarget(stack, ours, "first", scope);
  const jar = new CookieJar();
  const pages: ServedPage[] = [];
  const hydraPort = stack.hydra.publicPort;
  const slotHost = new URL(stack.slotOrigin).host;
  const authorize = new URL("/oauth2/auth", stack.hydra.publicUrl);
  authorize.search = new URLSearchParams({
    client_id: t.client.client_id,
    response_type: "code",
    scope,
    redirect_uri: t.client.redirect_uri,
    state: "capture-state-0001",
    nonce: "capture-nonce-0001",
  }).toString();
  let url = authorize;
  for (let hop = 0; hop < 24 && pages.length < 2; hop++) {
    const port = url.host === slotHost ? ours.port : hydraPort;
    const response = await request(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
      headers: { host: url.host, cookie: jar.header(url.pathname) ?? "", "accept-encoding": "gzip" },
      dispatcher: agent,
    });
    jar.store(response.headers["set-cookie"], url.pathname);
    const body = Buffer.from(await response.body.arrayBuffer());
    const location = response.headers.location as string | undefined;
    if (location) {
      url = new URL(location, url);
      continue;
    }
    if (response.statusCode !== 200) throw new Error(`capture: ${url.pathname} answered ${response.statusCode}`);
    const gzipped = response.headers["content-encoding"] === "gzip";
    const html = (gzipped ? gunzipSync(body) : body).toString("utf8");
    pages.push({ html, gzipBytes: gzipped ? body.length : undefined });
    const form = fillForm(html, { email: t.user.email, password: t.user.password, remember: false });
    if (!form) throw new Error(`capture: no form on ${url.pathname}`);
    const action = new URL(form.action, url);
    const posted = await request(`http://127.0.0.1:${ours.port}${action.pathname}${action.search}`, {
      method: "POST",
      headers: {
        host: action.host,
        cookie: jar.header(action.pathname) ?? "",
        origin: stack.slotOrigin,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.fields.toString(),
      dispatcher: agent,
    });
    jar.store(posted.headers["set-cookie"], action.pathname);
    await posted.body.dump();
    if (!posted.headers.location) throw new Error(`capture: POST ${action.pathname} answered ${posted.statusCode}`);
    url = new URL(posted.headers.location as string, action);
  }
  if (pages.length < 2) throw new Error("capture: did not reach both the login and the consent page");
  return { login: pages[0]!, consent: pages[1]! };
}

/** First-load JS and page weight of our login and consent pages, from one live flow. */
export async function measurePages(
  stack: BenchStack,
  ours: Provider,
  scope: string,
): Promise<{ firstLoadJs: Record<PageName, FirstLoadJs>; pageWeight: Record<PageName, PageWeight> }> {
  const pages = await capturePages(stack, ours, scope);
  return {
    firstLoadJs: { login: await firstLoadJs(ours.port, pages.login.html), consent: await firstLoadJs(ours.port, pages.consent.html) },
    pageWeight: { login: pageWeight(pages.login), consent: pageWeight(pages.consent) },
  };
}
