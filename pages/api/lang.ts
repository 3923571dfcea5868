import type { NextApiRequest, NextApiResponse } from "next";
import { config as appConfig } from "@/lib/config";
import { languageSwitchTarget, localeCookieName } from "@/lib/i18n/switch";

export const config = { api: { bodyParser: false } };

/**
 * GET /lang: the language switcher's links land here. It remembers the choice
 * in a cookie, then goes back to the same page. The target is checked to be
 * one of our pages, never another site; anything else goes to the
 * invalid-request page.
 */
export default function languageSwitch(request: NextApiRequest, response: NextApiResponse) {
  const { appUrl } = appConfig();
  const { to, locale } = request.query;
  const target = languageSwitchTarget(typeof to === "string" ? to : null, typeof locale === "string" ? locale : null, appUrl);
  response.statusCode = 303;
  response.setHeader("Cache-Control", "no-store");
  if (!target) {
    response.setHeader("Location", `${appUrl}/problem/invalid_request`);
    return response.end();
  }
  const secure = appUrl.startsWith("https://") ? "; Secure" : "";
  response.setHeader("Set-Cookie", `${localeCookieName}=${target.locale}; Path=/; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure}`);
  response.setHeader("Location", target.location);
  response.end();
}
