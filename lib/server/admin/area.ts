import { admitToConsole, consoleReachable } from "@/lib/access/console-access";
import { config } from "@/lib/config";
import type { Area } from "../account/serve";

/**
 * The admin console: signed in like the account page, answered only on its
 * own host when it has one, for accounts with the admin role, and with a
 * recent sign-in before any change (ADMIN_REAUTH_MAX_AGE).
 */
export const adminArea: Area = {
  name: "admin",
  reachable: (request) => consoleReachable(config().admin, request.headers.host),
  admit: (account, use) =>
    admitToConsole({
      roles: account.user.roles,
      authenticatedAt: account.authenticatedAt,
      now: Date.now(),
      use,
      reauthMaxAge: config().admin?.reauthMaxAge ?? 0,
    }),
};
