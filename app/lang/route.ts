import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { languageSwitchTarget, localeCookieName } from "@/lib/i18n/switch";

/**
 * The language switcher's links land here: remember the choice in a cookie
 * (pages cannot set cookies while rendering), then go back to the same flow
 * page. The target is checked to be one of our pages, never another site.
 */
export function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const target = languageSwitchTarget(query.get("to"), query.get("locale"), config().appUrl);
  if (!target) return NextResponse.redirect(`${config().appUrl}/problem/invalid_request`, 303);
  const response = NextResponse.redirect(target.location, 303);
  response.cookies.set(localeCookieName, target.locale, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().appUrl.startsWith("https://"),
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
  return response;
}
