import type { NextApiResponse } from "next";
import { recordChange } from "@/lib/audit/store";
import type { SignedIn } from "../account/serve";

/** Records a change made from the console, by the admin signed in, with the request's id. */
export async function recordAdminChange(
  account: SignedIn,
  response: NextApiResponse,
  change: { action: string; target: { type: string; id: string }; summary: unknown },
): Promise<void> {
  const requestId = response.getHeader("X-Request-Id");
  await recordChange({
    actor: { subject: account.subject, email: account.user.email },
    ...change,
    requestId: typeof requestId === "string" ? requestId : undefined,
  });
}
