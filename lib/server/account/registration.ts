import { accountClientBody, clientDrifted, signInOrigins } from "@/lib/account/client";
import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { createClient, findClient, replaceClient } from "@/lib/hydra/clients";
import { log } from "@/lib/observability/log";
import { processWide } from "@/lib/observability/process-wide";

/** Shared by the copy of this module that instrumentation starts at boot and the API routes' copy (lib/observability/process-wide.ts). */
const state = processWide("account-client", () => ({ registered: undefined as Promise<boolean> | undefined, failedAt: 0 }));
const retryAfterMs = 10_000;

/**
 * Makes sure Hydra has the account page's client as configured: created when
 * missing, replaced when it drifted, left alone otherwise, so any number of
 * restarts and instances converge on one client. A failure is logged and
 * retried after a while; it never touches the flows, only the account page,
 * which says it is not available meanwhile.
 */
export async function ensureAccountClient(): Promise<boolean> {
  const { account, appUrl, admin } = config();
  if (!account) return false;
  if (!state.registered && Date.now() - state.failedAt < retryAfterMs) return false;
  const wanted = accountClientBody(account, signInOrigins(appUrl, admin), branding().productName);
  state.registered ??= register(wanted).then(
    (outcome) => {
      log().info({ clientId: wanted.client_id, outcome }, "the account client is registered");
      return true;
    },
    (error: unknown) => {
      log().warn({ clientId: wanted.client_id, reason: error instanceof Error ? error.message : String(error) }, "the account client could not be registered");
      state.failedAt = Date.now();
      state.registered = undefined;
      return false;
    },
  );
  return state.registered;
}

async function register(wanted: ReturnType<typeof accountClientBody>): Promise<"created" | "updated" | "unchanged"> {
  const id = wanted.client_id as string;
  const existing = await findClient(id);
  if (!existing) {
    try {
      await createClient(wanted);
      return "created";
    } catch (error) {
      // Another instance created it first: compare with theirs.
      if (!(await findClient(id))) throw error;
    }
  }
  const current = existing ?? (await findClient(id));
  if (!current || !clientDrifted(current, wanted)) return "unchanged";
  await replaceClient(id, wanted);
  return "updated";
}
