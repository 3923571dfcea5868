import { join } from "node:path";
import { appEnvironment, randomSecret, startApp, type App, type StartAppOptions } from "./app";
import { createClient } from "./clients";
import { startHydra, type Hydra } from "./hydra";
import { freePorts } from "./ports";
import { scratch } from "./process";
import { type SeedUserOptions, seedUser } from "./users";

/** A user of the upstream's own login provider; `emailVerified` is what its ID token reports (true unless said otherwise). */
export type UpstreamUser = Pick<SeedUserOptions, "email" | "password" | "name" | "givenName" | "familyName" | "emailVerified">;

/**
 * A second, independent OpenID provider for upstream sign-in: its own Hydra
 * v2.3.0 with this app as its login provider, its own database and users.
 * Both answer on 127.0.0.1, not localhost, so the browser keeps their cookies
 * apart from those of the stack under test (cookies ignore the port).
 */
export interface Upstream {
  hydra: Hydra;
  app: App;
  /** The upstream Hydra's issuer, as its ID tokens carry it. */
  issuer: string;
  /** The same Hydra reached by another host name: an issuer that does not match its metadata. */
  otherNameIssuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Registers the downstream app as a client of the upstream Hydra, with its callback as the redirect URI.
   * `alsoAllow`: origins the browser passes through after the callback (the downstream's Hydra), listed as
   * further redirect URIs because this app's pages allow form-action only to those (see README).
   */
  registerClient(redirectUri: string, alsoAllow?: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startUpstream(options: { users: UpstreamUser[] }): Promise<Upstream> {
  const { dataDir, stoppers, stop } = await scratch("hydra-provider-upstream-");
  try {
    const [appPort, publicPort, adminPort] = await freePorts(3);
    const appUrl = `http://127.0.0.1:${appPort}`;
    const issuer = `http://127.0.0.1:${publicPort}/`;
    const hydra = await startHydra({ appUrl, publicPort, adminPort, env: { URLS_SELF_ISSUER: issuer } });
    stoppers.push(() => hydra.stop());

    const databasePath = join(dataDir, "upstream.sqlite");
    const appOptions: StartAppOptions = {
      port: appPort!,
      hydra: { publicUrl: `http://127.0.0.1:${publicPort}`, adminUrl: hydra.adminUrl },
      databasePath,
      sessionSecret: randomSecret(),
      env: { APP_URL: appUrl, ACCOUNT_PAGE: "off", ADMIN_CONSOLE: "off", UPSTREAM_PROVIDERS: undefined },
    };
    for (const user of options.users) await seedUser({ databasePath, ...user, env: appEnvironment(appOptions) });
    const app = await startApp(appOptions);
    stoppers.push(() => app.stop());

    const clientId = `downstream-${randomSecret().slice(0, 8)}`;
    const clientSecret = randomSecret();
    const registerClient = async (redirectUri: string, alsoAllow: string[] = []) => {
      await createClient(hydra.adminUrl, {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: "Downstream provider",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        scope: "openid email profile",
        redirect_uris: [redirectUri, ...alsoAllow.map((origin) => `${origin}/unused`)],
        token_endpoint_auth_method: "client_secret_basic",
        skip_consent: true,
      });
    };
    return { hydra, app, issuer, otherNameIssuer: `http://localhost:${publicPort}/`, clientId, clientSecret, registerClient, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
