/** The shapes shared by the handlers, the exchange and the components that render pages. */
import type { NextApiRequest } from "next";
import type { Problem, ProblemPage, Redirect } from "@/lib/flows/problems";
import type { Locale } from "@/lib/i18n/locales";
import type { PageChrome } from "@/lib/page-chrome";
import type { CsrfPurpose } from "@/lib/security/csrf";
import type { FlowSession } from "@/lib/security/flow-session";

/** A page's answer: a redirect, its view (in the language chosen for it), or a problem. */
export type PageAnswer<V> =
  | Redirect
  | Problem
  | {
      kind: "show";
      view: V;
      locale: Locale;
      formTargets?: readonly string[];
      /** 200 unless said: a refused form is shown again with 422. */
      status?: number;
      /**
       * The page (path and query) whose address the language links use, when
       * it is not this request's: an answer to a form post names one a GET can
       * show. `null` leaves the links out.
       */
      languageLinks?: string | null;
      /** Seconds, for a page shown with 429. */
      retryAfter?: number;
      /** The page runs a passkey ceremony: it links the passkey script, and its CSP allows that one script. */
      passkeyScript?: boolean;
    };

/** Everything a document needs around a page; `script` is the passkey script's URL on the pages that run it. */
export type DocumentAssets = { chrome: PageChrome; nonce: string; stylesheet: string; themeCss: string; script?: string };

/**
 * How a handler's answers become HTML: its page, or a problem in its place.
 * The components render them (components/html.tsx); lib/ never imports them.
 */
export type Html<V> = {
  page(assets: DocumentAssets, view: V): string;
  problem(assets: DocumentAssets, problem: ProblemPage, retry: boolean): string;
};

/** What a page handler may ask of the request. */
export type PageRequest = {
  query: NextApiRequest["query"];
  /**
   * The page's language from the switcher's ?lang=, the client's ui_locales,
   * the cookie and Accept-Language (lib/i18n/locales.ts). Chosen once: the
   * answer carries it to both the document's lang/dir and the page's text.
   */
  chooseLocale(uiLocales?: readonly string[]): Locale;
  /** A CSRF token for one of this page's forms, bound to this browser's flow session (made on first use). */
  formToken(purpose: CsrfPurpose, challenge: string): string;
  existingSession: FlowSession | undefined;
};
