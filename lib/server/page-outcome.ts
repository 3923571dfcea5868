import "server-only";
import { notFound, redirect, unauthorized } from "next/navigation";
import { HydraError } from "@/lib/hydra";

/**
 * Turns a Hydra failure into what the browser should see while rendering a
 * page: 404 for an unknown challenge, 401 for an expired one, Hydra's own
 * redirect for one already handled, and the error boundary (with a retry) when
 * Hydra cannot be reached.
 */
export async function orProblem<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof HydraError)) throw error;
    switch (error.failure.kind) {
      case "handled":
        redirect(error.failure.redirectTo);
      case "expired":
        unauthorized();
      case "not_found":
      case "invalid":
        notFound();
      case "unavailable":
        throw error;
    }
  }
}
