import { HydraError } from "@/lib/hydra/errors";

/**
 * Hydra's own words when it refused a console request (its
 * error_description, else its error code), for the page to show. Anything
 * else, Hydra unreachable included, stays thrown: the serve code answers it
 * with the unavailable page.
 */
export function hydraRefusal(error: unknown): string {
  if (error instanceof HydraError && error.status !== undefined && error.status < 500) {
    const words = error.detail?.description ?? error.detail?.error;
    if (words) return words;
  }
  throw error;
}
