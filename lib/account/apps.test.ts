import { describe, expect, it } from "vitest";
import type { ConsentSession } from "@/lib/hydra/consent-sessions";
import type { ClientInfo } from "@/lib/hydra/models";
import { connectedApps, connectedClientIds, loginSessionIds } from "./apps";

const client = (id: string, name = id): ClientInfo => ({
  id,
  name,
  skipConsent: false,
  skipLogoutConsent: false,
  metadata: {},
  redirectUris: [],
  postLogoutRedirectUris: [],
});

const now = new Date("2026-11-27T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

const session = (overrides: Partial<ConsentSession> & { client: ClientInfo }): ConsentSession => ({
  grantScope: ["openid"],
  grantAudience: [],
  remember: false,
  rememberFor: 0,
  handledAt: hoursAgo(1),
  requestedAt: hoursAgo(1),
  loginSessionId: undefined,
  ...overrides,
});

const options = { hiddenClientId: "account", now, locale: "en" };

describe("connectedApps", () => {
  it("makes one app of every client's sessions, with every scope and audience granted", () => {
    const apps = connectedApps(
      [
        session({ client: client("a", "Alpha"), grantScope: ["openid", "email"], grantAudience: ["https://api"], handledAt: hoursAgo(5) }),
        session({ client: client("a", "Alpha renamed"), grantScope: ["openid", "profile"], handledAt: hoursAgo(2) }),
      ],
      options,
    );
    expect(apps).toHaveLength(1);
    expect(apps[0]?.scopes).toEqual(["openid", "email", "profile"]);
    expect(apps[0]?.audience).toEqual(["https://api"]);
    // The newest grant: its time, and the client as it was then.
    expect(apps[0]?.grantedAt).toEqual(hoursAgo(2));
    expect(apps[0]?.client.name).toBe("Alpha renamed");
  });

  it("leaves out the account page's own client and sessions without one", () => {
    const apps = connectedApps([session({ client: client("account") }), session({ client: client("") }), session({ client: client("b") })], options);
    expect(apps.map((app) => app.client.id)).toEqual(["b"]);
  });

  it("sorts by name in the page's language", () => {
    const apps = connectedApps([session({ client: client("1", "Zeta") }), session({ client: client("2", "Ähre") }), session({ client: client("3", "beta") })], {
      ...options,
      locale: "de",
    });
    expect(apps.map((app) => app.client.name)).toEqual(["Ähre", "beta", "Zeta"]);
  });

  it("says how long the consent is remembered: the longest of its sessions, counted from the request", () => {
    const remembered = (sessions: ConsentSession[]) => connectedApps(sessions, options)[0]?.remembered;
    const c = client("c");
    expect(remembered([session({ client: c })])).toEqual({ kind: "no" });
    expect(remembered([session({ client: c, remember: true, rememberFor: 0 })])).toEqual({ kind: "until_removed" });
    expect(remembered([session({ client: c, remember: true, rememberFor: 3600, requestedAt: hoursAgo(2) })])).toEqual({ kind: "no" });
    expect(
      remembered([
        session({ client: c, remember: true, rememberFor: 7200, requestedAt: hoursAgo(1) }),
        session({ client: c, remember: true, rememberFor: 3 * 3600, requestedAt: hoursAgo(1) }),
        session({ client: c, remember: false }),
      ]),
    ).toEqual({ kind: "until", until: hoursAgo(-2) });
    expect(
      remembered([session({ client: c, remember: true, rememberFor: 0 }), session({ client: c, remember: true, rememberFor: 7200 })]),
    ).toEqual({ kind: "until_removed" });
  });
});

describe("loginSessionIds", () => {
  it("lists each login session once", () => {
    const c = client("c");
    expect(
      loginSessionIds([session({ client: c, loginSessionId: "s1" }), session({ client: c, loginSessionId: "s1" }), session({ client: c }), session({ client: c, loginSessionId: "s2" })]),
    ).toEqual(["s1", "s2"]);
  });
});

describe("connectedClientIds", () => {
  it("lists each client once, without the hidden one", () => {
    expect(connectedClientIds([session({ client: client("a") }), session({ client: client("account") }), session({ client: client("a") }), session({ client: client("b") })], "account")).toEqual(["a", "b"]);
  });
});
