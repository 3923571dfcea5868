import type { AdminConfig } from "@/lib/config";

/** Whether the admin console answers on this request's host at all: off, or another host, is 404. */
export function consoleReachable(admin: AdminConfig | null, host: string | undefined): boolean {
  if (!admin) return false;
  return admin.host === undefined || admin.host === host?.toLowerCase();
}

export type ConsoleAdmission = { kind: "admitted" } | { kind: "forbidden" } | { kind: "reauthenticate"; maxAge: number };

/**
 * Who may use the console, once signed in: accounts with the admin role. A
 * change (and every page that offers one) needs a sign-in at Hydra no older
 * than the configured age; an older one is sent through Hydra again with
 * max_age, which asks for the password.
 */
export function admitToConsole(options: {
  roles: readonly string[];
  /** ms since the epoch: the ID token's auth_time. */
  authenticatedAt: number;
  now: number;
  use: "read" | "change";
  reauthMaxAge: number;
}): ConsoleAdmission {
  if (!options.roles.includes("admin")) return { kind: "forbidden" };
  return admitChange(options);
}

/**
 * A change that needs a recent sign-in (the console's, and on the account
 * page adding or removing a way to sign in): reading needs any sign-in; a
 * change one no older than `reauthMaxAge` seconds, else a fresh sign-in at
 * Hydra with max_age, which asks again even with a remembered session.
 */
export function admitChange(options: { authenticatedAt: number; now: number; use: "read" | "change"; reauthMaxAge: number }): ConsoleAdmission {
  if (options.use === "change" && options.now - options.authenticatedAt > options.reauthMaxAge * 1000) {
    return { kind: "reauthenticate", maxAge: options.reauthMaxAge };
  }
  return { kind: "admitted" };
}
