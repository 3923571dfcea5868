import type { NextApiRequest, NextApiResponse } from "next";
import type { z } from "zod";
import { type ConsoleAdmission, admitChange } from "@/lib/access/console-access";
import { config } from "@/lib/config";
import { type Problem, type Redirect, problem } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import type { User } from "@/lib/identity/user";
import { findUserById } from "@/lib/identity/users";
import type { Locale } from "@/lib/i18n/locales";
import { log } from "@/lib/observability/log";
import { finishStep } from "@/lib/observability/step-trace";
import type { Html, PageRequest } from "../answers";
import { Exchange, isRead } from "../exchange";
import { checkFormPost } from "../gate";
import { type Handler, traced } from "../serve";
import { type AccountSession, accountSession, pinOrigin, startSignIn } from "./auth";
import { ensureAccountClient } from "./registration";

/** The person signed in to the account page, as every account handler sees them. */
export type SignedIn = AccountSession & { user: User };

/** An account page's view; it is shown in the language chosen for the page, with 404 when what it names does not exist. */
export type AccountShow<V> = { kind: "show"; view: V; status?: 200 | 404; /** The page runs a passkey ceremony. */ passkeyScript?: boolean };

export type AccountPageContext = {
  account: SignedIn;
  page: PageRequest;
  locale: Locale;
  /** The token of this page's forms, bound to this browser and this account. */
  formToken: string;
  request: NextApiRequest;
  response: NextApiResponse;
};

/** The handler wrote the answer itself (a download). */
export type Sent = { kind: "sent" };

export type AccountFormContext = {
  account: SignedIn;
  clientAddress: string;
  /** The language the refused form is shown in again. */
  locale: Locale;
  /** A fresh token for the form when it is shown again. */
  formToken: string;
  request: NextApiRequest;
  response: NextApiResponse;
};

/**
 * A form answered with a page rather than a redirect: shown again with what was typed and why
 * it was refused (422), or a result that must never sit in a URL or a cookie, such as a client
 * secret shown once (200); or what the form names is gone (404).
 */
export type FormPage<V> = { kind: "page"; view: V; status: 200 | 404 | 422; passkeyScript?: boolean };

/**
 * A part of the app people sign in to through Hydra: the account page, or the
 * admin console (lib/server/admin/area.ts), which adds its role, its host and
 * re-authentication before changes.
 */
export type Area = {
  name: "account" | "admin";
  /** False: the area answers 404 here (turned off, or another host). */
  reachable: (request: NextApiRequest) => boolean;
  /** Once signed in: in, 403, or a fresh sign-in at Hydra first. */
  admit: (account: SignedIn, use: "read" | "change") => ConsoleAdmission;
};

export const accountArea: Area = {
  name: "account",
  reachable: () => config().account !== null,
  admit: () => ({ kind: "admitted" }),
};

/** The account page's two-step sign-in pages: there only when TWO_STEP_SIGN_IN=on. */
export const twoStepArea: Area = { ...accountArea, reachable: () => config().account !== null && config().twoStepSignIn };

/** The account page's passkeys: there only with PASSKEYS=on. */
export const passkeysArea: Area = { ...accountArea, reachable: () => config().account !== null && config().passkeys !== null };

/**
 * The same area where a change adds or removes a way to sign in: it needs a
 * sign-in at Hydra younger than ACCOUNT_REAUTH_MAX_AGE, so a browser left
 * signed in cannot be used to take the account over.
 */
export function withRecentSignIn(area: Area): Area {
  return {
    ...area,
    admit: (account, use) => admitChange({ authenticatedAt: account.authenticatedAt, now: Date.now(), use, reauthMaxAge: config().account?.reauthMaxAge ?? 0 }),
  };
}

export const recentSignInArea = withRecentSignIn(accountArea);

/**
 * Who is signed in, before anything else is done: nobody when the area is
 * off (404), when the app's client is not registered (503, the flows carry
 * on), or when the session is missing, tampered with, expired, or ended by
 * "sign out everywhere" elsewhere.
 */
async function signedIn(area: Area, request: NextApiRequest, response: NextApiResponse): Promise<{ kind: "signed_in"; account: SignedIn } | { kind: "signed_out" } | Problem> {
  if (!config().account || !area.reachable(request)) return problem("page_not_found");
  if (!(await ensureAccountClient())) return problem("account_unavailable");
  const session = await accountSession(request, response);
  if (!session) return { kind: "signed_out" };
  const user = await findUserById(session.subject);
  if (!user) return problem("account_gone");
  if (user.sessionsEndedAt && session.signedInAt <= user.sessionsEndedAt.getTime()) return { kind: "signed_out" };
  return { kind: "signed_in", account: { ...session, user } };
}

/**
 * Where the account page's forms may lead (CSP form-action follows
 * redirects): our own pages, and Hydra's logout endpoint, where signing out
 * goes on to. On a console with a host of its own, 'self' is that host, and
 * Hydra sends a form's browser on to the login, consent and logout pages at
 * APP_URL (the playground's start and end-session forms).
 */
function accountFormTargets(): string[] {
  const { account, hydra, appUrl } = config();
  return [hydra.publicUrl, ...(account ? [account.issuer] : []), appUrl];
}

/** The page's public path and query: where next-auth brings the browser back after Hydra. */
function returnPath(request: NextApiRequest): string {
  const url = request.url ?? "/api/account";
  return url.startsWith("/api/") ? url.slice(4) : url;
}

/**
 * A page of an area (GET, HEAD). Without a session, or with one too old for a
 * page that offers changes, the browser goes through Hydra's sign-in and
 * comes back here. The account's preferred language comes after the
 * switcher's and before the browser's.
 */
export function serveAccountPage<V>(
  handle: (context: AccountPageContext) => Promise<AccountShow<V> | Redirect | Problem | Sent>,
  html: Html<V>,
  options: { area?: Area; use?: "read" | "change" } = {},
): Handler {
  const area = options.area ?? accountArea;
  return traced(`${area.name}_page`, async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, html, trace);
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    const who = await settle(() => signedIn(area, request, response));
    if (who.kind === "problem") return exchange.respond(who);
    const admission = who.kind === "signed_in" ? area.admit(who.account, options.use ?? "read") : undefined;
    if (admission?.kind === "forbidden") return exchange.respond(problem("admin_forbidden"));
    if (who.kind === "signed_out" || admission?.kind === "reauthenticate") {
      const maxAge = admission?.kind === "reauthenticate" ? admission.maxAge : undefined;
      const started = await settle(async () => {
        await startSignIn(request, response, returnPath(request), { maxAge });
        return { kind: "started" } as const;
      });
      if (started.kind === "problem") return exchange.respond(started);
      return finishStep(trace, "redirect", response.statusCode);
    }
    const { account } = who;
    const page = exchange.pageRequest();
    const locale = page.chooseLocale(account.user.locale ? [account.user.locale] : []);
    const answer = await settle(() =>
      handle({ account, page, locale, formToken: page.formToken(area.name, account.subject), request, response }),
    );
    if (answer.kind === "sent") return finishStep(trace, "show", response.statusCode);
    await exchange.respond(answer.kind === "show" ? { ...answer, locale, formTargets: accountFormTargets() } : answer);
  });
}

/**
 * A form of an area: checked by the same gate as the flow forms, with its
 * token bound to the account, then acted on and answered with a 303. A post
 * from a browser whose session ended goes back to the form's page (the
 * area's home by default), which signs in; one whose sign-in is too old for
 * a change goes there through the area's re-authentication page.
 */
export function serveAccountForm<F extends { csrf: string }, V = never>(options: {
  schema: z.ZodType<F>;
  act: (form: F, context: AccountFormContext) => Promise<Redirect | Problem | FormPage<V>>;
  html: Html<V>;
  area?: Area;
  /** The page the form belongs to, given the form when it could be read. */
  returnTo?: (form?: F) => string;
  /** File inputs read as text fields (lib/server/gate.ts); the form is then sent as multipart/form-data. */
  textFiles?: readonly string[];
}): Handler {
  const area = options.area ?? accountArea;
  const formPage = (form?: F) => options.returnTo?.(form) ?? `/${area.name}`;
  return traced(`${area.name}_submit`, async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, options.html, trace);
    const who = await settle(() => signedIn(area, request, response));
    if (who.kind === "problem") return exchange.respond(who);
    const origin = pinOrigin(request);
    if (who.kind === "signed_out") return exchange.respond({ kind: "redirect", to: `${origin}${formPage()}` });
    const { account } = who;
    const gate = await checkFormPost({ method: request.method ?? "", headers: exchange.headers, body: () => request }, { schema: options.schema, purpose: area.name, textFiles: options.textFiles }, {
      appOrigin: origin,
      session: exchange.existingSession,
      binding: () => account.subject,
      signInRetryAfter: async () => 0,
    });
    if (gate.kind === "problem") return exchange.respond(gate);
    const admission = area.admit(account, "change");
    if (admission.kind === "forbidden") return exchange.respond(problem("admin_forbidden"));
    if (admission.kind === "reauthenticate") {
      // Through a page that asks Hydra for a fresh sign-in, then back to where the form was.
      return exchange.respond({ kind: "redirect", to: `${origin}/${area.name}/reauthenticate?to=${encodeURIComponent(formPage(gate.form))}` });
    }
    const page = exchange.pageRequest();
    const locale = page.chooseLocale(account.user.locale ? [account.user.locale] : []);
    const formToken = page.formToken(area.name, account.subject);
    const answer = await settle(() => options.act(gate.form, { account, clientAddress: exchange.clientAddress(), locale, formToken, request, response }));
    await exchange.respond(
      answer.kind === "page"
        ? { kind: "show", view: answer.view, locale, status: answer.status, formTargets: accountFormTargets(), passkeyScript: answer.passkeyScript }
        : answer,
    );
  });
}

/** Hydra's failures make the account page unavailable (never a flow); anything unexpected is logged with its stack. */
async function settle<A>(run: () => Promise<A>): Promise<A | Problem> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof HydraError)) log().error({ err: error }, "unexpected failure on the account page");
    return problem("account_unavailable");
  }
}

/** A page that asks (GET) and the form it posts to (POST), served at one address. */
export function pageWithForm(page: Handler, form: Handler): Handler {
  return (request, response) => (isRead(request.method) ? page(request, response) : form(request, response));
}
