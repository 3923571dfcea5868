import type { AcceptOAuth2LoginRequest } from "@ory/client-fetch";
import type { LoginRequest } from "@/lib/hydra/models";
import { type AuthMethod, acrForMethods } from "./authentication";

export type LoginPolicy = { rememberFor: number };

export type LoginStart =
  | { action: "accept"; body: AcceptOAuth2LoginRequest }
  | { action: "show"; prefillEmail: string };

/**
 * What to do when the browser arrives with a login challenge. On skip Hydra
 * already knows the person (a remembered session); showing a form then would
 * break prompt=none, so we accept at once with the same subject.
 */
export function decideLoginStart(request: LoginRequest): LoginStart {
  if (request.skip) {
    // Hydra copies nothing from the original session on skip: re-send acr and amr (contract §0.2).
    return { action: "accept", body: { subject: request.subject, ...authenticationClaims(["pwd"]) } };
  }
  return { action: "show", prefillEmail: request.oidc.loginHint ?? "" };
}

export function loginAcceptBody(options: {
  subject: string;
  remember: boolean;
  methods: AuthMethod[];
  policy: LoginPolicy;
  client: LoginRequest["client"];
}): AcceptOAuth2LoginRequest {
  const { subject, remember, methods, policy, client } = options;
  return {
    subject,
    remember,
    remember_for: remember ? rememberFor(client.metadata, "remember_login_for", policy.rememberFor) : 0,
    ...authenticationClaims(methods),
  };
}

function authenticationClaims(methods: AuthMethod[]): Pick<AcceptOAuth2LoginRequest, "acr" | "amr"> {
  return { acr: acrForMethods(methods), amr: [...methods] };
}

/** A client may shorten or lengthen remembering through its metadata, e.g. `{"remember_login_for": 3600}`. */
export function rememberFor(metadata: Record<string, unknown>, key: string, fallback: number): number {
  const value = metadata[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fallback;
}
