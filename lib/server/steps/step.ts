import { config } from "@/lib/config";
import type { Problem, Redirect } from "@/lib/flows/problems";
import type { FlowSession } from "@/lib/security/flow-session";

/** A page the person must see, with what the document around it needs from the same lookup. */
export type Shown = {
  kind: "show";
  /** Where this page's forms may end up: us, then Hydra, then the client (CSP form-action). */
  formTargets: string[];
  /** The client's preferred languages (OIDC `ui_locales`), from Hydra's request. */
  uiLocales: readonly string[];
};

/** What a step answers when the browser arrives with a challenge: Hydra's next URL, or a page to show. */
export type StepStart<S extends Shown> = Redirect | S;

/** What a step answers to a posted form: where the browser goes next, and the flow session to keep, when it changed; or a problem (too many attempts). */
export type StepSubmit = (Redirect & { session?: FlowSession }) | Problem;

export type SubmitContext = { session: FlowSession; clientAddress: string };

export const redirectTo = (to: string): Redirect => ({ kind: "redirect", to });

/** Forms post to us, then Hydra redirects to the client: both must be allowed form targets. */
export function formTargets(clientTargets: readonly string[]): string[] {
  return [config().hydra.publicUrl, ...clientTargets];
}

/** The page a form came from; a failed post returns there, and the page explains the failure. */
export function flowPageUrl(path: "/login" | "/consent" | "/logout", param: string, challenge: string): string {
  return `${config().appUrl}${path}?${param}=${encodeURIComponent(challenge)}`;
}
