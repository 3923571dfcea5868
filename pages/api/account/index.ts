import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type AccountView, accountScreen } from "@/components/screens/account-screens";
import { connectedApps } from "@/lib/account/apps";
import { config as appConfig } from "@/lib/config";
import { listConsentSessions } from "@/lib/hydra/consent-sessions";
import { messagesFor } from "@/lib/i18n";
import { hasPassword } from "@/lib/identity/users";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { audienceLabel, scopeText } from "@/lib/scopes/text";
import { serveAccountPage } from "@/lib/server/account/serve";
import { passkeyList } from "@/lib/server/account/passkeys";
import { twoFactorStatus } from "@/lib/server/account/two-factor";
import { linkList, providersOffered } from "@/lib/server/account/upstream-links";
import { accountNoticeSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** GET /account: the profile, two-step sign-in, passkeys, sign-in providers, the connected apps, and the sign-ins of the person signed in. */
export default serveAccountPage<AccountView>(async ({ account, locale, formToken, page }) => {
  const now = new Date();
  const catalogue = scopeCatalogue();
  const messages = messagesFor(locale);
  const apps = connectedApps(await listConsentSessions(account.subject), { hiddenClientId: appConfig().account?.clientId ?? "", now, locale });
  const { user } = account;
  const links = (await linkList(account)).length;
  return {
    kind: "show",
    view: {
      csrf: formToken,
      email: user.email,
      emailVerified: user.emailVerified,
      profile: { name: user.name ?? null, givenName: user.givenName ?? null, familyName: user.familyName ?? null, locale: user.locale ?? null },
      apps: apps.map((app) => ({
        id: app.client.id,
        client: clientCardInfo(app.client),
        scopes: app.scopes.map((name) => ({ name, title: scopeText(name, locale, catalogue, messages).title })),
        audience: app.audience.map(audienceLabel),
        grantedAt: app.grantedAt,
        remembered: app.remembered,
      })),
      now,
      notice: accountNoticeSchema.safeParse(page.query.done).data ?? null,
      twoFactor: appConfig().twoStepSignIn ? await twoFactorStatus(account) : null,
      passkeys: appConfig().passkeys ? (await passkeyList(account)).length : null,
      hasPassword: await hasPassword(user.id),
      providers: links > 0 || providersOffered() ? links : null,
    },
  };
}, html(accountScreen));
