import type { ConsentSession } from "@/lib/hydra/consent-sessions";
import type { ClientInfo } from "@/lib/hydra/models";

/** How long an app's consent is remembered: not at all, until it is removed, or until a time. */
export type Remembered = { kind: "no" } | { kind: "until_removed" } | { kind: "until"; until: Date };

/** One app the person gave access to, from all of its consent sessions. */
export type ConnectedApp = {
  client: ClientInfo;
  /** Every scope granted to it, in the order first granted. */
  scopes: string[];
  audience: string[];
  /** The most recent grant. */
  grantedAt: Date | undefined;
  remembered: Remembered;
};

/**
 * The apps a subject gave access to, one per client, sorted by name in the
 * page's language. The account page's own client is left out: it is the
 * page itself, and taking its access away would only sign the person out.
 */
export function connectedApps(sessions: readonly ConsentSession[], options: { hiddenClientId: string; now: Date; locale: string }): ConnectedApp[] {
  const apps = new Map<string, ConnectedApp>();
  for (const session of sessions) {
    const id = session.client.id;
    if (!id || id === options.hiddenClientId) continue;
    const app = apps.get(id) ?? { client: session.client, scopes: [], audience: [], grantedAt: undefined, remembered: { kind: "no" } };
    app.scopes = union(app.scopes, session.grantScope);
    app.audience = union(app.audience, session.grantAudience);
    if (session.handledAt && (!app.grantedAt || session.handledAt > app.grantedAt)) {
      app.grantedAt = session.handledAt;
      app.client = session.client;
    }
    app.remembered = longer(app.remembered, rememberedBy(session, options.now));
    apps.set(id, app);
  }
  const collator = new Intl.Collator(options.locale);
  return [...apps.values()].sort((a, b) => collator.compare(a.client.name, b.client.name) || a.client.id.localeCompare(b.client.id));
}

/**
 * Hydra skips the consent page while a remembered consent lasts: `remember_for`
 * seconds from when the client asked, or for good when it is 0
 * (`requestConsent` in consent/strategy_default.go).
 */
function rememberedBy(session: ConsentSession, now: Date): Remembered {
  if (!session.remember) return { kind: "no" };
  if (session.rememberFor === 0) return { kind: "until_removed" };
  const asked = session.requestedAt ?? session.handledAt;
  if (!asked) return { kind: "no" };
  const until = new Date(asked.getTime() + session.rememberFor * 1000);
  return until > now ? { kind: "until", until } : { kind: "no" };
}

function longer(a: Remembered, b: Remembered): Remembered {
  if (a.kind === "until_removed" || b.kind === "no") return a;
  if (b.kind === "until_removed" || a.kind === "no") return b;
  return a.until >= b.until ? a : b;
}

function union(list: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(list);
  return [...list, ...more.filter((item) => !seen.has(item) && seen.add(item))];
}

/** The clients of these consents, each once, but for the hidden one. */
export function connectedClientIds(sessions: readonly ConsentSession[], hiddenClientId: string): string[] {
  return [...new Set(sessions.map((session) => session.client.id).filter((id) => id && id !== hiddenClientId))];
}

/**
 * The login sessions (sids) these consents were given in. Ending them one by
 * one is what makes Hydra notify the apps' back-channel logout URLs; ending
 * them by subject does not (consent/handler.go, revokeOAuth2LoginSessions).
 */
export function loginSessionIds(sessions: readonly ConsentSession[]): string[] {
  return [...new Set(sessions.map((session) => session.loginSessionId).filter((sid): sid is string => Boolean(sid)))];
}
