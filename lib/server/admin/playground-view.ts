import { type DecodedJwt, decodeJwt } from "@/lib/admin/jwt-view";
import { type StartErrors, endSessionUrl, playgroundAuthMethod, playgroundUris } from "@/lib/admin/playground";
import { config } from "@/lib/config";
import { getClient, listClients } from "@/lib/hydra/clients";
import type { IntrospectedToken, IssuedTokens } from "@/lib/hydra/tokens";
import type { PlaygroundTokenKind } from "@/lib/validations/admin-playground";

export type PlaygroundClientOption = { id: string; name: string; confidential: boolean };

export type PlaygroundStartView = {
  email: string;
  csrf: string;
  clients: PlaygroundClientOption[];
  /** Hydra has more clients than the first page listed. */
  more: boolean;
  values: { client: string; scope: string };
  errors: StartErrors;
  uris: { callback: string; signedOut: string };
};

export type PlaygroundProblemView = {
  email: string;
  csrf: string;
  problem: "refused" | "state_mismatch" | "no_flow" | "no_code" | "exchange_refused" | "expired";
  /** Hydra's error code and words, when it sent or answered them. */
  error?: string;
  description?: string;
};

/** What the callback and the token actions answer: the tokens, or why there are none. */
export type PlaygroundAnswerView = ({ kind: "tokens" } & PlaygroundTokensView) | ({ kind: "problem" } & PlaygroundProblemView);

export type PlaygroundResult =
  | { kind: "exchanged" }
  | { kind: "refreshed" }
  | { kind: "revoked"; token: PlaygroundTokenKind }
  | { kind: "introspected"; token: PlaygroundTokenKind; introspection: IntrospectedToken };

export type PlaygroundTokensView = {
  email: string;
  csrf: string;
  clientId: string;
  tokens: IssuedTokens;
  decoded: { access?: DecodedJwt; id?: DecodedJwt };
  result?: PlaygroundResult;
  hydraError?: string;
  /** Where the end-session form posts, and the signed-out page when the client has it registered. */
  endSession: { action: string; postLogoutRedirectUri: string; registered: boolean };
};

/** The console's origin, where the playground's URIs live (the console may have a host of its own). */
export function consoleOrigin(): string {
  return config().admin?.origin ?? new URL(config().appUrl).origin;
}

/** The issuer as Hydra's ID tokens carry it, whose end-session endpoint ends the session. */
function issuer(): string {
  return config().account?.issuer ?? `${config().hydra.publicUrl}/`;
}

/** The page of a finished flow's tokens, with the outcome of the last action on them. */
export async function playgroundTokensView(
  frame: { email: string; csrf: string },
  clientId: string,
  tokens: IssuedTokens,
  outcome: { result?: PlaygroundResult; hydraError?: string },
): Promise<PlaygroundTokensView> {
  const { signedOut } = playgroundUris(consoleOrigin());
  const client = await getClient(clientId);
  return {
    ...frame,
    clientId,
    tokens,
    decoded: { access: decodeJwt(tokens.accessToken), id: tokens.idToken ? decodeJwt(tokens.idToken) : undefined },
    ...outcome,
    endSession: { action: endSessionUrl(issuer()), postLogoutRedirectUri: signedOut, registered: (client?.post_logout_redirect_uris ?? []).includes(signedOut) },
  };
}

/** The start page: the first page of clients (up to 250, Hydra's default page), with what a refused form typed and why. */
export async function playgroundStartView(
  frame: { email: string; csrf: string },
  values: { client: string; scope: string },
  errors: StartErrors,
): Promise<PlaygroundStartView> {
  const { clients, nextPageToken } = await listClients({ pageSize: 250 });
  return {
    ...frame,
    clients: clients.map((client) => ({ id: client.client_id, name: client.client_name ?? "", confidential: playgroundAuthMethod(client) !== "none" })),
    more: nextPageToken !== undefined,
    values,
    errors,
    uris: playgroundUris(consoleOrigin()),
  };
}
