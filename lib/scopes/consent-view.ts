import type { ScopeCatalogue } from "./catalogue";

export type ShownScope = {
  name: string;
  /** Ticked and locked: the form cannot drop it. */
  required: boolean;
  sensitive: boolean;
  /** Shown apart from new requests: this client already holds it. */
  alreadyGranted: boolean;
};

export type ConsentScopeView = {
  /** Scopes asked for the first time, in request order. */
  newScopes: ShownScope[];
  /** Scopes this client was granted before and asks for again. */
  grantedScopes: ShownScope[];
  /** Granted without being shown. */
  hidden: string[];
};

/**
 * How the requested scopes appear on the consent page. Every requested scope
 * that is not hidden gets its own entry (its own checkbox), unknown scopes
 * included; hidden scopes are granted silently. A scope the person already
 * granted this client (in an earlier consent session) is listed as already
 * shared rather than new.
 */
export function consentScopeView(options: {
  requested: readonly string[];
  catalogue: ScopeCatalogue;
  previouslyGranted: readonly string[];
}): ConsentScopeView {
  const { requested, catalogue, previouslyGranted } = options;
  const granted = new Set(previouslyGranted);
  const view: ConsentScopeView = { newScopes: [], grantedScopes: [], hidden: [] };
  for (const name of new Set(requested)) {
    const rule = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
    if (rule?.hidden) {
      view.hidden.push(name);
      continue;
    }
    const shown: ShownScope = {
      name,
      required: rule?.required ?? false,
      sensitive: rule?.sensitive ?? false,
      alreadyGranted: granted.has(name),
    };
    (shown.alreadyGranted ? view.grantedScopes : view.newScopes).push(shown);
  }
  return view;
}

/** Requested scopes the form cannot leave out: required and hidden ones. Enforced when the consent form is posted. */
export function scopesGrantedRegardless(requested: readonly string[], catalogue: ScopeCatalogue): string[] {
  return requested.filter((name) => {
    const rule = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
    return Boolean(rule?.required || rule?.hidden);
  });
}
