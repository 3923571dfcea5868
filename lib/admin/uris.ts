/**
 * URL rules of the client form. The typed text is what gets stored: Hydra
 * compares redirect URIs byte for byte, so "fixing" one (a trailing slash, a
 * lower-cased host) would break the client that registered it.
 */

export type RedirectUriProblem = "invalid" | "https" | "fragment" | "credentials";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
const httpLike = /^https?:\/\//i;
// RFC 8252 §7.1: a native app's private-use scheme is a reversed domain name it controls ("com.example.app:/cb").
const privateUseScheme = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:/i;

/**
 * Redirect, post-logout and logout-channel URIs: absolute, https (plain http only
 * to a loopback host, where RFC 8252 §7.3 puts native apps and where developers
 * run), no fragment (RFC 6749 §3.1.2), no user name or password. With
 * `allowPrivateUseScheme`, a native app's reverse-domain scheme is accepted too.
 */
export function redirectUriProblem(text: string, options: { allowPrivateUseScheme: boolean }): RedirectUriProblem | undefined {
  if (text.includes("\\")) return "invalid";
  const url = parsed(text);
  if (!url) return "invalid";
  if (text.includes("#")) return "fragment";
  if (url.username || url.password) return "credentials";
  if (httpLike.test(text)) {
    return url.protocol === "https:" || loopbackHosts.has(url.hostname) ? undefined : "https";
  }
  return options.allowPrivateUseScheme && privateUseScheme.test(text) ? undefined : "https";
}

/** Logo, policy, terms and home page links: plain http(s) URLs, never javascript: or data:. */
export function isHttpUrl(text: string): boolean {
  const url = parsed(text);
  return url !== undefined && httpLike.test(text) && !text.includes("\\") && !url.username && !url.password;
}

/**
 * An origin as browsers send it (scheme, host, port), or undefined when the text
 * has a path, query, fragment or credentials. Normalised ("https://App.example:443/"
 * becomes "https://app.example"), since Hydra compares it with the Origin header.
 */
export function corsOrigin(text: string): string | undefined {
  const url = parsed(text);
  if (!url || !httpLike.test(text) || text.includes("\\")) return undefined;
  if (url.username || url.password || url.search || url.hash || text.includes("?") || text.includes("#")) return undefined;
  if (url.pathname !== "/" || /^https?:\/\/[^/]*\/./i.test(text)) return undefined;
  return url.origin;
}

/**
 * Scheme and raw host:port, compared the way Hydra's validator compares a
 * post-logout URI with the redirect URIs (client/validator.go: Scheme, Hostname()
 * and Port() of Go's url.Parse, which neither lower-cases the host nor drops a default port).
 */
export function hydraSiteKey(text: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?/i.exec(text);
  if (!match) return undefined;
  const authority = (match[2] ?? "").replace(/^.*@/, "");
  return `${(match[1] ?? "").toLowerCase()}://${authority}`;
}

function parsed(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
