import "server-only";
import type { NextResponse } from "next/server";
import { HydraError } from "@/lib/hydra";
import { seeOther } from "./form-post";

/**
 * Runs the Hydra work of a form post. Hydra's redirect for an already handled
 * request is followed; any other failure sends the browser back to the page,
 * where the flow gate explains it with the right status (unknown, expired,
 * unavailable) and a reload retries.
 */
export async function settlePost(pageUrl: string, work: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HydraError)) throw error;
    return seeOther(error.failure.kind === "handled" ? error.failure.redirectTo : pageUrl);
  }
}
