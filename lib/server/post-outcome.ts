import "server-only";
import { notFound, unauthorized } from "next/navigation";
import type { NextResponse } from "next/server";
import { HydraError } from "@/lib/hydra";
import { seeOther } from "./form-post";

/**
 * Runs the Hydra work of a form post. A failure answers like the page would
 * (404, 401, or Hydra's redirect for a handled request); when Hydra cannot be
 * reached the browser goes back to the page, which explains and offers a retry.
 */
export async function settlePost(pageUrl: string, work: () => Promise<NextResponse>): Promise<NextResponse> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HydraError)) throw error;
    switch (error.failure.kind) {
      case "handled":
        return seeOther(error.failure.redirectTo);
      case "expired":
        unauthorized();
      case "not_found":
      case "invalid":
        notFound();
      case "unavailable":
        return seeOther(pageUrl);
    }
  }
}
