import type { GetServerSidePropsContext } from "next";
import { config as appConfig } from "@/lib/config";
import { languageSwitchTarget, localeCookieName } from "@/lib/i18n/switch";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/**
 * The language switcher's links land here: remember the choice in a cookie,
 * then go back to the same page. The target is checked to be one of our
 * pages, never another site; anything else goes to the invalid-request page.
 */
export async function getServerSideProps({ query, res }: GetServerSidePropsContext) {
  const { appUrl } = appConfig();
  const target = languageSwitchTarget(typeof query.to === "string" ? query.to : null, typeof query.locale === "string" ? query.locale : null, appUrl);
  if (!target) return { redirect: { destination: `${appUrl}/problem/invalid_request`, statusCode: 303 } };
  const secure = appUrl.startsWith("https://") ? "; Secure" : "";
  res.setHeader("Set-Cookie", `${localeCookieName}=${target.locale}; Path=/; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure}`);
  return { redirect: { destination: target.location, statusCode: 303 } };
}

export default function LanguageSwitch() {
  return null;
}
