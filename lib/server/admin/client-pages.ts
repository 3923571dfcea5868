import type { OAuth2Client } from "@ory/client-fetch";
import type { AdminClient } from "@/lib/hydra/clients";
import { getClient } from "@/lib/hydra/clients";
import { type Problem, problem } from "@/lib/flows/problems";
import { clientIdQuerySchema } from "@/lib/validations/admin-input";
import type { NextApiRequest } from "next";

/** The client a console page is about (?id=), or the not-found page when there is none. */
export async function clientOfQuery(query: NextApiRequest["query"]): Promise<{ kind: "found"; client: AdminClient } | Problem> {
  const { id } = clientIdQuerySchema.parse(query);
  const client = id ? await getClient(id) : undefined;
  return client ? { kind: "found", client } : problem("page_not_found");
}

/** Where a client's page is. */
export const clientViewPath = (id: string, done?: string) =>
  `/admin/clients/view?${new URLSearchParams(done ? { id, done } : { id })}`;

const actionPaths = { delete: "delete", "revoke-tokens": "revoke", "rotate-secret": "rotate" } as const;

/** The change a /admin/clients/<path> URL names, or undefined for any other path. */
export function clientActionOf(path: unknown): (typeof actionPaths)[keyof typeof actionPaths] | undefined {
  return typeof path === "string" && Object.hasOwn(actionPaths, path) ? actionPaths[path as keyof typeof actionPaths] : undefined;
}

/** The client as it is, with a new secret: what PUT /admin/clients/{id} needs to change only the secret. */
export function withNewSecret(current: AdminClient, secret: string): OAuth2Client {
  const { created_at: _created, updated_at: _updated, client_secret_expires_at: _expires, ...kept } = current;
  return { ...(kept as OAuth2Client), client_secret: secret };
}
