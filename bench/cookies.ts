/**
 * A browser's cookie jar, reduced to what these flows need: one host name
 * (localhost, where cookies do not depend on the port), Path matching, Max-Age
 * and Expires. Each virtual user has its own.
 */
interface Cookie {
  name: string;
  value: string;
  path: string;
  expiresAt: number | undefined;
}

export class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  /** Applies the Set-Cookie headers of a response to `requestPath`. */
  store(setCookie: string | string[] | undefined, requestPath: string, now = Date.now()): void {
    if (setCookie === undefined) return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) this.storeOne(line, requestPath, now);
  }

  private storeOne(line: string, requestPath: string, now: number): void {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    let path = defaultPath(requestPath);
    let expiresAt: number | undefined;
    let maxAgeSeen = false;
    for (const attribute of attributes) {
      const [rawKey = "", ...rest] = attribute.split("=");
      const key = rawKey.trim().toLowerCase();
      const attrValue = rest.join("=").trim();
      if (key === "path" && attrValue.startsWith("/")) path = attrValue;
      else if (key === "max-age") {
        maxAgeSeen = true;
        const seconds = Number(attrValue);
        if (Number.isFinite(seconds)) expiresAt = now + seconds * 1000;
      } else if (key === "expires" && !maxAgeSeen) {
        const at = Date.parse(attrValue);
        if (Number.isFinite(at)) expiresAt = at;
      }
    }
    const key = `${name}\n${path}`;
    if (expiresAt !== undefined && expiresAt <= now) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path, expiresAt });
  }

  /** The Cookie header for `requestPath`, or undefined when nothing matches. */
  header(requestPath: string, now = Date.now()): string | undefined {
    const matching: Cookie[] = [];
    for (const [key, cookie] of this.cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) {
        this.cookies.delete(key);
        continue;
      }
      if (pathMatches(requestPath, cookie.path)) matching.push(cookie);
    }
    if (matching.length === 0) return undefined;
    // Longer paths first, as browsers order them.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  get size(): number {
    return this.cookies.size;
  }

  names(): string[] {
    return [...this.cookies.values()].map((c) => c.name);
  }
}

function defaultPath(requestPath: string): string {
  const slash = requestPath.lastIndexOf("/");
  return slash <= 0 ? "/" : requestPath.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}
