/**
 * Brute-force limits for sign-in. Failures are counted per account (the email
 * typed, whether or not it exists, so a lockout reveals nothing) and per client
 * address; past a threshold each further failure doubles the wait.
 */
export type Throttle = { threshold: number; baseSeconds: number; maxSeconds: number; windowSeconds: number };

export const accountThrottle: Throttle = { threshold: 5, baseSeconds: 2, maxSeconds: 15 * 60, windowSeconds: 15 * 60 };
export const addressThrottle: Throttle = { threshold: 20, baseSeconds: 2, maxSeconds: 15 * 60, windowSeconds: 15 * 60 };

export type FailureRecord = { count: number; lastAt: number };

/** Seconds to wait before the next attempt is allowed; 0 when it is allowed now. */
export function retryAfterSeconds(record: FailureRecord | undefined, now: number, throttle: Throttle): number {
  if (!record || record.count < throttle.threshold) return 0;
  const sinceLast = (now - record.lastAt) / 1000;
  if (sinceLast >= throttle.windowSeconds) return 0;
  const exponent = Math.min(record.count - throttle.threshold, 30);
  const delay = Math.min(throttle.baseSeconds * 2 ** exponent, throttle.maxSeconds);
  return Math.max(0, Math.ceil(delay - sinceLast));
}

/** A failure older than the window starts the count afresh. */
export function nextFailure(record: FailureRecord | undefined, now: number, throttle: Throttle): FailureRecord {
  const stale = !record || (now - record.lastAt) / 1000 >= throttle.windowSeconds;
  return { count: stale ? 1 : record.count + 1, lastAt: now };
}

export interface FailureStore {
  get(key: string): Promise<FailureRecord | undefined>;
  put(key: string, record: FailureRecord): Promise<void>;
  remove(key: string): Promise<void>;
}

/** One process only; several instances need the database store so they count together. */
export class MemoryFailureStore implements FailureStore {
  private readonly records = new Map<string, FailureRecord>();
  private static readonly maxKeys = 100_000;

  async get(key: string) {
    return this.records.get(key);
  }

  async put(key: string, record: FailureRecord) {
    // Bounded: an attacker spraying addresses cannot grow memory without limit.
    if (this.records.size >= MemoryFailureStore.maxKeys && !this.records.has(key)) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    this.records.delete(key);
    this.records.set(key, record);
  }

  async remove(key: string) {
    this.records.delete(key);
  }
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
