import { HydraError } from "@/lib/hydra/errors";

/**
 * Hydra's own words when it refused what the console sent (a 4xx with an
 * error_description), to show on the form; anything else is thrown on, to the
 * area's "unavailable" page.
 */
export function hydraRefusal(error: unknown): string {
  if (error instanceof HydraError && error.status !== undefined && error.status >= 400 && error.status < 500) {
    return error.detail?.description ?? error.detail?.error ?? `HTTP ${error.status}`;
  }
  throw error;
}
