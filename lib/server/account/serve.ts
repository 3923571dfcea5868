import type { NextApiRequest, NextApiResponse } from "next";
import type { z } from "zod";
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
import { type AccountSession, accountSession, startSignIn } from "./auth";
import { ensureAccountClient } from "./registration";

/** The person signed in to the account page, as every account handler sees them. */
export type SignedIn = AccountSession & { user: User };

/** An account page's view; it is shown in the language chosen for the page. */
export type AccountShow<V> = { kind: "show"; view: V };

export type AccountPageContext = {
  account: SignedIn;
  page: PageRequest;
  locale: Locale;
  /** The token of this page's forms, bound to this browser and this account. */
  formToken: string;
  request: NextApiRequest;
  response: NextApiResponse;
};

export type AccountFormContext = { account: SignedIn; clientAddress: string; request: NextApiRequest; response: NextApiResponse };

/**
 * Who is signed in to the account page, before anything else is done:
 * nobody when the page is turned off (404), when the app's client is not
 * registered (503, the flows carry on), or when the session is missing,
 * tampered with, expired, or ended by "sign out everywhere" elsewhere.
 */
async function signedIn(request: NextApiRequest, response: NextApiResponse): Promise<{ kind: "signed_in"; account: SignedIn } | { kind: "signed_out" } | Problem> {
  if (!config().account) return problem("page_not_found");
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
 * goes on to.
 */
function accountFormTargets(): string[] {
  const { account, hydra } = config();
  return [hydra.publicUrl, ...(account ? [account.issuer] : [])];
}

/** The page's public path and query: where next-auth brings the browser back after Hydra. */
function returnPath(request: NextApiRequest): string {
  const url = request.url ?? "/api/account";
  return url.startsWith("/api/") ? url.slice(4) : url;
}

/**
 * An account page (GET, HEAD). Without a session the browser goes through
 * Hydra's sign-in and comes back here. The account's preferred language
 * comes after the switcher's and before the browser's.
 */
export function serveAccountPage<V>(handle: (context: AccountPageContext) => Promise<AccountShow<V> | Redirect | Problem>, html: Html<V>): Handler {
  return traced("account_page", async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, html, trace);
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    const who = await settle(() => signedIn(request, response));
    if (who.kind === "signed_out") {
      const started = await settle(async () => {
        await startSignIn(request, response, returnPath(request));
        return { kind: "started" } as const;
      });
      if (started.kind === "problem") return exchange.respond(started);
      return finishStep(trace, "redirect", response.statusCode);
    }
    if (who.kind === "problem") return exchange.respond(who);
    const { account } = who;
    const page = exchange.pageRequest();
    const locale = page.chooseLocale(account.user.locale ? [account.user.locale] : []);
    const answer = await settle(() =>
      handle({ account, page, locale, formToken: page.formToken("account", account.subject), request, response }),
    );
    await exchange.respond(answer.kind === "show" ? { ...answer, locale, formTargets: accountFormTargets() } : answer);
  });
}

/**
 * An account form: checked by the same gate as the flow forms, with its
 * token bound to the account, then acted on and answered with a 303. A post
 * from a browser whose session ended goes to the account page, which signs in.
 */
export function serveAccountForm<F extends { csrf: string }>(options: {
  schema: z.ZodType<F>;
  act: (form: F, context: AccountFormContext) => Promise<Redirect | Problem>;
  html: Html<never>;
}): Handler {
  return traced("account_submit", async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, options.html, trace);
    const who = await settle(() => signedIn(request, response));
    if (who.kind === "signed_out") return exchange.respond({ kind: "redirect", to: `${config().appUrl}/account` });
    if (who.kind === "problem") return exchange.respond(who);
    const { account } = who;
    const gate = await checkFormPost({ method: request.method ?? "", headers: exchange.headers, body: () => request }, { schema: options.schema, purpose: "account" }, {
      appOrigin: new URL(config().appUrl).origin,
      session: exchange.existingSession,
      binding: () => account.subject,
      signInRetryAfter: async () => 0,
    });
    if (gate.kind === "problem") return exchange.respond(gate);
    await exchange.respond(await settle(() => options.act(gate.form, { account, clientAddress: exchange.clientAddress(), request, response })));
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
