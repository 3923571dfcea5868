import { HydraError } from "@/lib/hydra/errors";

/**
 * Hydra's own words when it refused a console request (a 4xx: its
 * error_description, else its error code, else the status), for the page to
 * show. Anything else, Hydra unreachable included, stays thrown: the serve
 * code answers it with the unavailable page.
 */
export function hydraRefusal(error: unknown): string {
  if (error instanceof HydraError && error.status !== undefined && error.status >= 400 && error.status < 500) {
    return error.detail?.description ?? error.detail?.error ?? `HTTP ${error.status}`;
  }
  throw error;
}
