/**
 * Brute-force limits for sign-in. Failures are counted per account (the email
 * typed, whether or not it exists, so a lockout reveals nothing) and per client
 * address; past a threshold each further failure doubles the wait. Counting
 * and waiting are kept by rate-limiter-flexible (lib/server/sign-in-throttle.ts);
 * the numbers are decided here.
 */
export type Throttle = { threshold: number; baseSeconds: number; maxSeconds: number; windowSeconds: number };

export const accountThrottle: Throttle = { threshold: 5, baseSeconds: 2, maxSeconds: 15 * 60, windowSeconds: 15 * 60 };
export const addressThrottle: Throttle = { threshold: 20, baseSeconds: 2, maxSeconds: 15 * 60, windowSeconds: 15 * 60 };

/** Seconds to wait after the `failures`-th failure within the window; 0 below the threshold. */
export function waitAfterFailures(failures: number, throttle: Throttle): number {
  if (failures < throttle.threshold) return 0;
  const exponent = Math.min(failures - throttle.threshold, 30);
  return Math.min(throttle.baseSeconds * 2 ** exponent, throttle.maxSeconds);
}

export function throttleKeys(email: string, address: string): { account: string; address: string } {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/**
 * The client's address from X-Forwarded-For. Next.js sets the header to the
 * socket address only when the request has none, so behind N trusted proxies
 * (each appending one entry) the client is the N-th entry from the right.
 * Directly exposed, a client can forge the header: the per-account limit still holds.
 */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - Math.max(1, trustedHops)] ?? entries[0] ?? "unknown";
}
